using CallCenter.Media.Tests.Sdp.Vectors;

namespace CallCenter.Media.Tests.Sdp;

/// <summary>
/// Mutations of the real descriptions never make the parser or the negotiator throw, and whatever still parses
/// round-trips. Each vector seeds its own generator, so a failure replays.
/// </summary>
public class SdpMutationTests
{
    private static readonly char[] Inserts = ['\r', '\n', '\0', ' ', '\t', ':', '/', '=', '-', '0', '9', '\u00e9', '\uFFFF'];

    public static TheoryData<string> Vectors() => SdpSerializerTests.CanonicalVectors();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Truncation_at_every_position_never_throws(string key)
    {
        var text = SdpSerializerTests.Vector(key);
        for (var length = 0; length <= text.Length; length++)
        {
            SdpRandomInput.Exercise(text[..length]);
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Random_character_changes_never_throw(string key)
    {
        var original = SdpSerializerTests.Vector(key);
        var random = SeededFor(key);
        for (var round = 0; round < 300; round++)
        {
            var chars = original.ToCharArray();
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                chars[random.Next(chars.Length)] = (char)random.Next(0x20, 0x7F);
            }

            SdpRandomInput.Exercise(new string(chars));
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Inserted_separators_and_odd_characters_never_throw(string key)
    {
        var original = SdpSerializerTests.Vector(key);
        var random = SeededFor(key);
        for (var round = 0; round < 300; round++)
        {
            SdpRandomInput.Exercise(original.Insert(random.Next(original.Length + 1), Inserts[random.Next(Inserts.Length)].ToString()));
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Deleted_duplicated_and_swapped_lines_never_throw(string key)
    {
        var lines = SdpSerializerTests.Vector(key).Split("\r\n");
        for (var i = 0; i < lines.Length; i++)
        {
            SdpRandomInput.Exercise(string.Join("\r\n", lines.Where((_, index) => index != i)));
            SdpRandomInput.Exercise(string.Join("\r\n", lines.Take(i + 1).Append(lines[i]).Concat(lines.Skip(i + 1))));
            if (i + 1 < lines.Length)
            {
                var swapped = (string[])lines.Clone();
                (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                SdpRandomInput.Exercise(string.Join("\r\n", swapped));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Random_bytes_changes_never_throw(string key)
    {
        var original = System.Text.Encoding.UTF8.GetBytes(SdpSerializerTests.Vector(key));
        var random = SeededFor(key);
        for (var round = 0; round < 300; round++)
        {
            var bytes = (byte[])original.Clone();
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            SdpRandomInput.Exercise(bytes);
        }
    }

    private static Random SeededFor(string key) => new(key.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)));
}
