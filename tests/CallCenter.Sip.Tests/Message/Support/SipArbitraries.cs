using System.Text;
using CallCenter.Sip.Message;
using FsCheck;
using FsCheck.Fluent;

namespace CallCenter.Sip.Tests.Message.Support;

/// <summary>Bytes that look a little like SIP: fragments of SIP syntax mixed with arbitrary bytes.</summary>
public sealed record SipLikeBytes(byte[] Bytes)
{
    /// <inheritdoc />
    public override string ToString() => Convert.ToHexString(Bytes) + " \"" + Encoding.Latin1.GetString(Bytes).ReplaceLineEndings("⏎") + "\"";
}

/// <summary>A syntactically valid message as wire text, built from random parts.</summary>
public sealed record GeneratedMessage(string Text)
{
    public byte[] Bytes => Encoding.UTF8.GetBytes(Text);

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>A header to add to a message built in code.</summary>
public sealed record GeneratedHeader(string Name, string Value);

/// <summary>The parts of a request built in code with the public API.</summary>
public sealed record BuiltRequest(string Method, SipUri Uri, GeneratedHeader[] Headers, byte[] Body)
{
    public SipRequest Build()
    {
        var request = new SipRequest(Method, Uri) { Body = Body };
        foreach (var header in Headers)
        {
            request.Headers.Add(header.Name, header.Value);
        }

        return request;
    }

    /// <inheritdoc />
    public override string ToString() => Encoding.UTF8.GetString(Build().ToBytes());
}

/// <summary>FsCheck generators for the parser properties.</summary>
public static class SipArbitraries
{
    private static readonly string[] Fragments =
    [
        "INVITE ", "REGISTER ", "OPTIONS ", "ACK ", "SIP/2.0", "SIP/2.0 ", "SIP/2.0 200 OK", " ", "  ", "\r\n", "\r\n\r\n", "\r", "\n",
        "\t", "\r\n ", ":", ";", ",", "=", "<", ">", "\"", "\\", "%", "%4", "%41", "%00", "@", "sip:", "sips:", "tel:", "x:", "[", "]",
        "[::1]", "[2001:db8::1]:5061", "Via: SIP/2.0/UDP ", "v: SIP/2.0/TCP ", "SIP /2.0/ UDP ", "From: ", "f:", "To: ", "t:", "Call-ID: ",
        "i:", "CSeq: ", "CSeq: 1 INVITE", "Contact: ", "m: *", "Max-Forwards: ", "Expires: ", "Content-Length: ", "l:", "Content-Type: ",
        "c:", "Require: ", "Content-Encoding: ", "Accept: ", "Content-Disposition: ", ";branch=z9hG4bK", ";branch=z9hG4bKx1", ";tag=",
        ";received=", ";rport", ";rport=", ";lr", ";user=phone", "application/sdp", "multipart/mixed;boundary=b", "\r\n--b\r\n", "--b--",
        "0", "1", "70", "255", "256", "99999999999", "4294967296", "-1", "200", "OK", "host.example.com", "192.0.2.1", ":5060", ":99999",
        "?", "&", "*", "\0", "\u00e9", "\u4e2d",
    ];

    private static readonly string[] Methods = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "INFO", "UPDATE", "MESSAGE", "X-Odd.Method!"];

    private static readonly string[] HeaderNamePool =
    [
        "Subject", "s", "Allow", "Supported", "k", "Require", "User-Agent", "X-Custom", "X-Trace-Id", "P-Asserted-Identity",
        "Organization", "Warning", "Accept", "Record-Route", "Route", "Date", "Priority", "Reason", "e", "Content-Encoding",
    ];

    private const string TokenChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~";
    private const string ValueChars = TokenChars + " ,;:=<>/?@[]()\"\\$&#|{}^\u00e9\u00fc\u4e2d";

    public static Arbitrary<SipLikeBytes> SipLike() =>
        Arb.From(Gen.ListOf(Gen.Frequency(
                (4, Gen.Elements(Fragments).Select(Encoding.UTF8.GetBytes)),
                (1, Gen.Choose(0, 255).Select(b => new[] { (byte)b }))))
            .Select(parts => new SipLikeBytes(parts.SelectMany(p => p).ToArray())));

    public static Arbitrary<GeneratedMessage> Generated() =>
        Arb.From(
            from isRequest in Gen.Elements(true, false)
            from startLine in isRequest ? RequestLine() : StatusLine()
            from extra in Gen.ListOf(HeaderLine()).Select(lines => lines.ToArray())
            from body in Gen.Elements(string.Empty, "v=0\r\n", "hello, world", "line one\r\nline two\r\n\r\nafter a blank line")
            from lengthHeader in Gen.Elements("Content-Length", "l", "content-length")
            select new GeneratedMessage(Compose(startLine, extra, body, lengthHeader)));

    public static Arbitrary<BuiltRequest> Built() =>
        Arb.From(
            from method in Gen.Elements(Methods)
            from uri in Uri()
            from headers in Gen.ListOf(Gen.Zip(Gen.Elements(HeaderNamePool), Text(ValueChars, 0, 40), (n, v) => new GeneratedHeader(n, v.Trim())))
            from body in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
            select new BuiltRequest(method, uri, [.. headers], body));

    private static Gen<string> RequestLine() =>
        from method in Gen.Elements(Methods)
        from uri in Uri()
        select $"{method} {uri} SIP/2.0";

    private static Gen<string> StatusLine() =>
        from code in Gen.Choose(100, 699)
        from reason in Text(TokenChars + " \u00e9", 0, 20)
        select $"SIP/2.0 {code} {reason.Trim()}";

    private static Gen<string> HeaderLine() =>
        from name in Gen.Elements(HeaderNamePool)
        from spaceBeforeColon in Gen.Elements(string.Empty, string.Empty, " ", "\t")
        from value in Text(ValueChars, 0, 50)
        from fold in Gen.Elements(false, false, true)
        select $"{name}{spaceBeforeColon}: {Fold(value.Trim(), fold)}";

    private static string Fold(string value, bool fold)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return fold && space > 0 ? value[..space] + "\r\n   " + value[(space + 1)..].TrimStart() : value;
    }

    private static string Compose(string startLine, string[] extra, string body, string lengthHeader)
    {
        var text = new StringBuilder(startLine).Append("\r\n")
            .Append("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKgen\r\n")
            .Append("From: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>\r\nCall-ID: gen@192.0.2.1\r\nCSeq: 1 INVITE\r\n");
        foreach (var line in extra)
        {
            text.Append(line).Append("\r\n");
        }

        return text.Append(lengthHeader).Append(": ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n\r\n").Append(body).ToString();
    }

    private static Gen<SipUri> Uri() =>
        from scheme in Gen.Elements("sip", "sips")
        from user in Gen.OneOf(Gen.Constant<string?>(null), Text(TokenChars.Replace("%", string.Empty, StringComparison.Ordinal), 1, 12).Select(u => (string?)u))
        from host in Gen.Elements("example.com", "cc.example.com", "192.0.2.7", "[2001:db8::7]", "localhost")
        from port in Gen.Elements<int?>(null, 5060, 5061, 65535, 1)
        from count in Gen.Choose(0, 3)
        from parameters in Gen.ListOf(Gen.Zip(Text("abcdefghij", 1, 6), Gen.Elements<string?>(null, "1", "udp", "phone"), (n, v) => (n, v)), count)
        select WithParameters(new SipUri(scheme, user, host, port), parameters);

    private static SipUri WithParameters(SipUri uri, IEnumerable<(string Name, string? Value)> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            uri.Parameters.Set(name, value);
        }

        return uri;
    }

    private static Gen<string> Text(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
        select new string(chars);
}
