using System.Text;

namespace CallCenter.Sip.Transport.Tests;

/// <summary>Seeded random inputs: the framer never throws, stays inside the buffer, and splits streams exactly.</summary>
public sealed class SipStreamFramerPropertyTests
{
    private const int Iterations = 20000;

    // Bytes that matter to the framer appear far more often than in uniform noise.
    private static readonly byte[] Alphabet = Encoding.ASCII.GetBytes("\r\n\r\n\r\n:: \t0123456789-lL Content-Length:aZ\0");

    [Theory]
    [InlineData(1)]
    [InlineData(20240611)]
    public void RandomBytesNeverThrowAndNeverOverrun(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < Iterations; i++)
        {
            var buffer = new byte[random.Next(0, 600)];
            for (int j = 0; j < buffer.Length; j++)
            {
                buffer[j] = random.Next(4) == 0 ? (byte)random.Next(256) : Alphabet[random.Next(Alphabet.Length)];
            }

            AssertWellFormed(buffer, SipStreamFramer.TryFrame(buffer, random.Next(4, 700), random.Next(0, 700)));
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(99)]
    public void MutatedMessagesNeverThrowAndNeverOverrun(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < Iterations; i++)
        {
            var buffer = RandomMessage(random);
            int mutations = random.Next(1, 6);
            for (int m = 0; m < mutations; m++)
            {
                buffer[random.Next(buffer.Length)] = Alphabet[random.Next(Alphabet.Length)];
            }

            buffer = buffer[..random.Next(buffer.Length + 1)];
            AssertWellFormed(buffer, SipStreamFramer.TryFrame(buffer, 16384, 65536));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4242)]
    public void ConcatenatedMessagesAreSplitBackExactly(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 500; i++)
        {
            var messages = Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomMessage(random)).ToList();
            var stream = new List<byte>();
            foreach (var message in messages)
            {
                if (random.Next(3) == 0)
                {
                    stream.AddRange("\r\n\r\n"u8.ToArray());
                }

                stream.AddRange(message);
            }

            Assert.Equal(messages, SplitAll(stream.ToArray()));
        }
    }

    [Theory]
    [InlineData(11)]
    public void EveryPrefixOfARandomMessageNeedsMore(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 100; i++)
        {
            var message = RandomMessage(random);
            for (int length = 0; length < message.Length; length++)
            {
                Assert.Equal(FrameResult.NeedMore, SipStreamFramer.TryFrame(message.AsSpan(0, length), 16384, 65536));
            }

            Assert.Equal(FrameResult.Message(message.Length), SipStreamFramer.TryFrame(message, 16384, 65536));
        }
    }

    private static void AssertWellFormed(byte[] buffer, FrameResult result)
    {
        switch (result.Kind)
        {
            case FrameKind.Message:
            case FrameKind.KeepAlive:
                Assert.InRange(result.Length, 1, buffer.Length);
                Assert.Null(result.Reason);
                break;
            case FrameKind.Invalid:
                Assert.Equal(0, result.Length);
                Assert.False(string.IsNullOrEmpty(result.Reason));
                break;
            default:
                Assert.Equal(FrameResult.NeedMore, result);
                break;
        }
    }

    private static List<byte[]> SplitAll(byte[] stream)
    {
        var messages = new List<byte[]>();
        int offset = 0;
        while (true)
        {
            var result = SipStreamFramer.TryFrame(stream.AsSpan(offset), 16384, 65536);
            if (result.Kind == FrameKind.NeedMore)
            {
                Assert.Equal(stream.Length, offset);
                return messages;
            }

            Assert.NotEqual(FrameKind.Invalid, result.Kind);
            if (result.Kind == FrameKind.Message)
            {
                messages.Add(stream[offset..(offset + result.Length)]);
            }

            offset += result.Length;
        }
    }

    private static byte[] RandomMessage(Random random)
    {
        var body = new byte[random.Next(0, 300)];
        random.NextBytes(body);
        var text = new StringBuilder(random.Next(2) == 0 ? "SIP/2.0 180 Ringing\r\n" : "INVITE sip:bob@example.com SIP/2.0\r\n");
        int headers = random.Next(0, 8);
        int lengthAt = random.Next(0, headers + 1);
        for (int h = 0; h <= headers; h++)
        {
            if (h == lengthAt)
            {
                string name = random.Next(2) == 0 ? "Content-Length" : "l";
                string space = random.Next(2) == 0 ? " " : "";
                string fold = random.Next(4) == 0 ? "\r\n " : " ";
                text.Append(name).Append(space).Append(':').Append(fold).Append(body.Length).Append("\r\n");
            }
            else
            {
                text.Append("X-Header-").Append(h).Append(": value ").Append(random.Next()).Append("\r\n");
            }
        }

        text.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(text.ToString()), .. body];
    }
}
