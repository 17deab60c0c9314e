using System.Text;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Message.Support;

namespace CallCenter.Sip.Tests.Message;

/// <summary>
/// Mutations of the RFC 4475 messages and of an ordinary INVITE never make the parser, the validator, the typed
/// views or the UAS checks throw. Mutations are drawn from a generator seeded per message, so a failure replays.
/// </summary>
public class SipParserMutationTests
{
    private static readonly byte[] Inserts = [(byte)'\r', (byte)'\n', 0, 0x80, 0xC3, 0xFF, (byte)' ', (byte)'\t', (byte)',', (byte)';', (byte)'"', (byte)'<', (byte)':'];

    public static TheoryData<string> Messages()
    {
        var data = TortureCorpus.All();
        data.Add("sample-invite");
        return data;
    }

    private static byte[] Load(string name) => name == "sample-invite" ? SampleMessages.Invite : TortureCorpus.Load(name);

    private static Random SeededFor(string name) => new(name.Aggregate(17, (hash, c) => (hash * 31) + c));

    [Fact]
    public void The_sample_INVITE_is_accepted_as_it_stands()
    {
        Assert.Equal(Outcome.Accept, ServerVerdict.For(SampleMessages.Invite).Outcome);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Truncation_at_every_position_never_throws(string name)
    {
        var data = Load(name);
        for (var length = 0; length <= data.Length; length++)
        {
            MessageExerciser.Exercise(data.AsMemory(0, length));
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Random_byte_flips_never_throw(string name)
    {
        var original = Load(name);
        var random = SeededFor(name);
        for (var round = 0; round < 300; round++)
        {
            var data = (byte[])original.Clone();
            var flips = random.Next(1, 4);
            for (var i = 0; i < flips; i++)
            {
                data[random.Next(data.Length)] = (byte)random.Next(256);
            }

            MessageExerciser.Exercise(data);
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Inserted_CR_LF_NUL_and_high_bytes_never_throw(string name)
    {
        var original = Load(name);
        var random = SeededFor(name);
        for (var round = 0; round < 300; round++)
        {
            var position = random.Next(original.Length + 1);
            var insert = Inserts[random.Next(Inserts.Length)];
            byte[] data = [.. original.AsSpan(0, position), insert, .. original.AsSpan(position)];
            MessageExerciser.Exercise(data);
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Duplicated_and_deleted_lines_never_throw(string name)
    {
        var lines = Encoding.Latin1.GetString(Load(name)).Split("\r\n");
        for (var i = 0; i < lines.Length; i++)
        {
            var duplicated = lines.Take(i + 1).Concat(lines.Skip(i));
            var deleted = lines.Take(i).Concat(lines.Skip(i + 1));
            MessageExerciser.Exercise(Encoding.Latin1.GetBytes(string.Join("\r\n", duplicated)));
            MessageExerciser.Exercise(Encoding.Latin1.GetBytes(string.Join("\r\n", deleted)));
        }
    }

    [Fact]
    public void An_INVITE_cut_inside_its_body_is_refused_by_Content_Length()
    {
        var data = SampleMessages.Invite;
        var bodyStart = data.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        for (var length = bodyStart; length < data.Length; length++)
        {
            var result = SipParser.Parse(data.AsMemory(0, length));

            Assert.IsType<SipRequest>(result.Message);
            Assert.Equal($"Content-Length 235 is larger than the {length - bodyStart}-byte body received", result.Error);
        }
    }
}
