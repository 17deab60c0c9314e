using static CallCenter.Sip.Transport.Tests.SipSamples;

namespace CallCenter.Sip.Transport.Tests;

public sealed class SipStreamFramerTests
{
    private const int MaxHeader = 16384;
    private const int MaxBody = 65536;

    private static FrameResult Frame(byte[] buffer, int maxHeader = MaxHeader, int maxBody = MaxBody) =>
        SipStreamFramer.TryFrame(buffer, maxHeader, maxBody);

    private static string Request(string contentLengthLines, string body = "") =>
        "MESSAGE sip:alice@example.com SIP/2.0\r\n"
        + "Via: SIP/2.0/TCP pc33.example.com;branch=z9hG4bK776asdhds\r\n"
        + "Call-ID: 3848276298220188511@pc33.example.com\r\n"
        + contentLengthLines
        + "\r\n"
        + body;

    [Fact]
    public void LongFormContentLengthFramesHeadersPlusBody()
    {
        var message = Ascii(Request("Content-Length: 5\r\n", "hello"));
        Assert.Equal(FrameResult.Message(message.Length), Frame(message));
    }

    [Theory]
    [InlineData("l: 5\r\n")]
    [InlineData("L: 5\r\n")]
    [InlineData("content-length: 5\r\n")]
    [InlineData("CONTENT-LENGTH:5\r\n")]
    [InlineData("Content-Length \t : 5\r\n")]
    [InlineData("l :\t5 \t\r\n")]
    [InlineData("Content-Length:\r\n 5\r\n")]
    [InlineData("Content-Length:\r\n\t\r\n  5\r\n")]
    [InlineData("Content-Length: 00005\r\n")]
    [InlineData("Content-Length: 5\r\nl: 5\r\n")]
    public void ContentLengthSpellingsAreAccepted(string header)
    {
        var message = Ascii(Request(header, "hello"));
        Assert.Equal(FrameResult.Message(message.Length), Frame(message));
    }

    [Fact]
    public void ZeroContentLengthEndsAtTheBlankLine()
    {
        var message = Ok();
        Assert.Equal(FrameResult.Message(message.Length), Frame(message));
    }

    [Fact]
    public void BodyMayContainABlankLine()
    {
        const string body = "v=0\r\n\r\ns=-\r\n";
        var message = Ascii(Request($"Content-Length: {body.Length}\r\n", body));
        Assert.Equal(FrameResult.Message(message.Length), Frame(message));
    }

    [Fact]
    public void HeaderNamesThatOnlyContainContentLengthAreNotIt()
    {
        var text = Request("Subject: Content-Length: 7\r\nX-l: 3\r\nContent-Lengths: 9\r\nl: 2\r\n", "ab");
        var message = Ascii(text);
        Assert.Equal(FrameResult.Message(message.Length), Frame(message));
    }

    [Fact]
    public void OnlyTheFirstMessageIsFramedWhenMoreFollows()
    {
        var first = Register("first", "body1");
        var second = Ok("second");
        var stream = first.Concat(second).ToArray();

        var one = Frame(stream);
        Assert.Equal(FrameResult.Message(first.Length), one);
        var two = Frame(stream[one.Length..]);
        Assert.Equal(FrameResult.Message(second.Length), two);
        Assert.Equal(FrameResult.NeedMore, Frame(stream[(one.Length + two.Length)..]));
    }

    [Theory]
    [InlineData("\r\n\r\n", 4)]
    [InlineData("\r\n", 2)]
    [InlineData("\r", 1)]
    [InlineData("\n", 1)]
    [InlineData("\r\n\r\nREGISTER", 4)]
    [InlineData("\r\n\r\n\r\n\r\nSIP/2.0 200 OK", 8)]
    public void LeadingLineBreaksAreKeepAlives(string text, int expected)
    {
        Assert.Equal(FrameResult.KeepAlive(expected), Frame(Ascii(text)));
    }

    [Fact]
    public void MessageAfterKeepAliveIsFramedOnceTheKeepAliveIsSkipped()
    {
        var message = Register();
        var stream = Ascii("\r\n").Concat(message).ToArray();
        Assert.Equal(FrameResult.KeepAlive(2), Frame(stream));
        Assert.Equal(FrameResult.Message(message.Length), Frame(stream[2..]));
    }

    [Fact]
    public void EmptyBufferNeedsMore()
    {
        Assert.Equal(FrameResult.NeedMore, Frame([]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("v=0\r\n\r\ns=-\r\n")]
    public void EveryStrictPrefixOfAValidMessageNeedsMore(string body)
    {
        var message = Register(body: body);
        for (int length = 0; length < message.Length; length++)
        {
            Assert.Equal(FrameResult.NeedMore, Frame(message[..length]));
        }

        Assert.Equal(FrameResult.Message(message.Length), Frame(message));
    }

    [Fact]
    public void EveryStrictPrefixOfAFoldedCompactMessageNeedsMore()
    {
        var message = Ascii(Request("l\t:\r\n 3\r\n", "abc"));
        for (int length = 0; length < message.Length; length++)
        {
            Assert.Equal(FrameResult.NeedMore, Frame(message[..length]));
        }
    }

    [Theory]
    [InlineData("Max-Forwards: 70\r\n", "Content-Length is missing")]
    [InlineData("Content-Length: abc\r\n", "Content-Length is not a number")]
    [InlineData("Content-Length: 5x\r\n", "Content-Length is not a number")]
    [InlineData("Content-Length: 5 5\r\n", "Content-Length is not a number")]
    [InlineData("Content-Length: +5\r\n", "Content-Length is not a number")]
    [InlineData("Content-Length: 5, 5\r\n", "Content-Length is not a number")]
    [InlineData("Content-Length: -1\r\n", "Content-Length is negative")]
    [InlineData("Content-Length:\r\n", "Content-Length has no value")]
    [InlineData("Content-Length: 5\r\nl: 6\r\n", "conflicting Content-Length values 5 and 6")]
    [InlineData("Content-Length: 65537\r\n", "Content-Length exceeds the 65536-byte body limit")]
    [InlineData("Content-Length: 99999999999999999999999999\r\n", "Content-Length exceeds the 65536-byte body limit")]
    public void BadContentLengthIsInvalid(string header, string reason)
    {
        var result = Frame(Ascii(Request(header)));
        Assert.Equal(FrameKind.Invalid, result.Kind);
        Assert.StartsWith(reason, result.Reason);
        Assert.Equal(0, result.Length);
    }

    [Fact]
    public void MillionByteContentLengthIsRefusedFromTheHeadersAlone()
    {
        // Only the header section has arrived; the framer must not ask for a megabyte of body first.
        var headersOnly = Ascii(Request("Content-Length: 1000000\r\n"));
        var result = Frame(headersOnly);
        Assert.Equal(FrameKind.Invalid, result.Kind);
        Assert.Contains("65536", result.Reason);
    }

    [Fact]
    public void HeaderSectionWithoutEndPastTheLimitIsInvalid()
    {
        var endless = Ascii("INVITE sip:x SIP/2.0\r\n" + new string('a', 200));
        Assert.Equal(FrameResult.NeedMore, Frame(endless[..127], maxHeader: 128));
        var result = Frame(endless[..128], maxHeader: 128);
        Assert.Equal(FrameResult.Invalid("header section exceeds 128 bytes"), result);
    }

    [Fact]
    public void HeaderSectionOfExactlyTheLimitIsAccepted()
    {
        var message = Register();
        int headerLength = message.Length; // empty body: the whole message is the header section
        Assert.Equal(FrameResult.Message(message.Length), Frame(message, maxHeader: headerLength));
        Assert.Equal(FrameKind.Invalid, Frame(message, maxHeader: headerLength - 1).Kind);
    }

    [Fact]
    public void ContentLengthAtTheBodyLimitIsAccepted()
    {
        var body = new string('x', 100);
        var message = Ascii(Request("Content-Length: 100\r\n", body));
        Assert.Equal(FrameResult.Message(message.Length), Frame(message, maxBody: 100));
        Assert.Equal(FrameKind.Invalid, Frame(message, maxBody: 99).Kind);
    }

    [Fact]
    public void StartLineAloneHasNoContentLength()
    {
        var result = Frame(Ascii("OPTIONS sip:x SIP/2.0\r\n\r\n"));
        Assert.Equal(FrameKind.Invalid, result.Kind);
    }

    [Fact]
    public void NonsensicalLimitsAreAProgrammingError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SipStreamFramer.TryFrame([], 3, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => SipStreamFramer.TryFrame([], 100, -1));
    }
}
