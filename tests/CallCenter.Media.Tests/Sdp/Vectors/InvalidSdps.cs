namespace CallCenter.Media.Tests.Sdp.Vectors;

/// <summary>A description that must be refused, the line the error must name and words the message must contain.</summary>
public sealed record InvalidSdp(string Text, int Line, string Expected);

/// <summary>Descriptions the parser refuses, each for one reason.</summary>
public static class InvalidSdps
{
    private const string Head = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n";

    public static readonly IReadOnlyDictionary<string, InvalidSdp> All = new Dictionary<string, InvalidSdp>
    {
        ["port above 65535"] = Bad(Head + "m=audio 70000 RTP/AVP 0", 6, "bad port '70000'"),
        ["port not a number"] = Bad(Head + "m=audio abc RTP/AVP 0", 6, "bad port 'abc'"),
        ["negative port"] = Bad(Head + "m=audio -5 RTP/AVP 0", 6, "bad port '-5'"),
        ["port count zero"] = Bad(Head + "m=audio 5000/0 RTP/AVP 0", 6, "bad port count"),
        ["unknown network type in c="] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=ATM NSAP 47.0005.80.ffe100\nt=0 0", 4, "unknown network type 'ATM'"),
        ["unknown network type in o="] = Bad("v=0\no=- 1 1 XX IP4 192.0.2.1\ns=-\nt=0 0", 2, "unknown network type 'XX'"),
        ["unknown address type"] = Bad("v=0\no=- 1 1 IN IP5 192.0.2.1\ns=-\nt=0 0", 2, "unknown address type 'IP5'"),
        ["rtpmap renames static PCMU"] = Bad(Head + "m=audio 5000 RTP/AVP 0\na=rtpmap:0 PCMA/8000", 7, "RFC 3551 assigns payload type 0 to PCMU/8000"),
        ["rtpmap changes static clock rate"] = Bad(Head + "m=audio 5000 RTP/AVP 8\na=rtpmap:8 PCMA/16000", 7, "assigns payload type 8 to PCMA/8000"),
        ["rtpmap makes PCMU stereo"] = Bad(Head + "m=audio 5000 RTP/AVP 0\na=rtpmap:0 PCMU/8000/2", 7, "names PCMU/8000/2"),
        ["rtpmap without clock rate"] = Bad(Head + "m=audio 5000 RTP/AVP 101\na=rtpmap:101 telephone-event", 7, "<clock rate>"),
        ["rtpmap payload type 128"] = Bad(Head + "m=audio 5000 RTP/AVP 0\na=rtpmap:128 foo/8000", 7, "payload type '128' is not 0-127"),
        ["rtpmap twice for one payload type"] = Bad(Head + "m=audio 5000 RTP/AVP 96\na=rtpmap:96 foo/8000\na=rtpmap:96 bar/8000", 8, "a=rtpmap:96 appears twice"),
        ["fmtp without parameters"] = Bad(Head + "m=audio 5000 RTP/AVP 101\na=fmtp:101", 7, "'<format> <parameters>'"),
        ["ptime not a number"] = Bad(Head + "m=audio 5000 RTP/AVP 0\na=ptime:abc", 7, "a=ptime:abc is not a whole positive number"),
        ["ptime zero"] = Bad(Head + "m=audio 5000 RTP/AVP 0\na=ptime:0", 7, "a=ptime:0"),
        ["maxptime without value"] = Bad(Head + "m=audio 5000 RTP/AVP 0\na=maxptime", 7, "a=maxptime needs a value"),
        ["rtcp port zero"] = Bad(Head + "m=audio 5000 RTP/AVP 0\na=rtcp:0", 7, "a=rtcp port '0' is not 1-65535"),
        ["rtcp with three fields"] = Bad(Head + "m=audio 5000 RTP/AVP 0\na=rtcp:5001 IN IP4", 7, "must be '<port>'"),
        ["two direction attributes"] = Bad(Head + "m=audio 5000 RTP/AVP 0\na=sendonly\na=recvonly", 8, "second direction attribute"),
        ["two session direction attributes"] = Bad(Head + "a=sendonly\na=inactive\nm=audio 5000 RTP/AVP 0", 7, "second direction attribute in the session"),
        ["direction with a value"] = Bad(Head + "m=audio 5000 RTP/AVP 0\na=sendonly:yes", 7, "a=sendonly takes no value"),
        ["two ptimes"] = Bad(Head + "m=audio 5000 RTP/AVP 0\na=ptime:20\na=ptime:30", 8, "a=ptime appears twice"),
        ["attribute name with space"] = Bad(Head + "m=audio 5000 RTP/AVP 0\na=bad name:1", 7, "attribute name 'bad name' is not a token"),
        ["missing v="] = Bad("o=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0", 1, "expected 'v=' here"),
        ["version 1"] = Bad("v=1\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0", 1, "unsupported protocol version 'v=1'"),
        ["s= missing"] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\nc=IN IP4 192.0.2.1\nt=0 0", 3, "expected 's=' here"),
        ["ends after v="] = Bad("v=0", 2, "ends before its o= line"),
        ["o= with five fields"] = Bad("v=0\no=- 1 IN IP4 192.0.2.1\ns=-\nt=0 0", 2, "o= needs 6 fields"),
        ["o= with a double space"] = Bad("v=0\no=- 1  1 IN IP4 192.0.2.1\ns=-\nt=0 0", 2, "empty field"),
        ["session id not a number"] = Bad("v=0\no=- abc 1 IN IP4 192.0.2.1\ns=-\nt=0 0", 2, "session id 'abc' is not a number"),
        ["session version too large"] = Bad("v=0\no=- 1 99999999999999999999 IN IP4 192.0.2.1\ns=-\nt=0 0", 2, "session version"),
        ["no t= line"] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1", 5, "no t= line"),
        ["m= before t="] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nm=audio 5000 RTP/AVP 0\nt=0 0", 5, "m= line before any t= line"),
        ["t= inside a media description"] = Bad(Head + "m=audio 5000 RTP/AVP 0\nt=0 0", 7, "'t=' belongs to the session section"),
        ["t= with letters"] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=now later", 4, "must be numbers"),
        ["r= before t="] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nr=7d 1h 0 25h\nt=0 0", 4, "r= must follow a t= line"),
        ["unknown type letter"] = Bad(Head + "x=whatever\nm=audio 5000 RTP/AVP 0", 6, "unknown type letter 'x='"),
        ["second v="] = Bad(Head + "v=0", 6, "'v=' may appear only once"),
        ["two session c= lines"] = Bad(Head + "c=IN IP4 192.0.2.2\nm=audio 5000 RTP/AVP 0", 6, "second c= line in the session"),
        ["two media c= lines"] = Bad(Head + "m=audio 5000 RTP/AVP 0\nc=IN IP4 192.0.2.2\nc=IN IP4 192.0.2.3", 8, "second c= line in this media"),
        ["media without c="] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 5000 RTP/AVP 0\nm=audio 0 RTP/AVP 0", 5, "no c= line"),
        ["last media without c="] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 5000 RTP/AVP 0\na=sendrecv", 5, "no c= line"),
        ["bad IPv4 address"] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 999.1.1.1\nt=0 0", 4, "'999.1.1.1' is not a valid IPv4 address"),
        ["short IPv4 address"] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 10.1\nt=0 0", 4, "'10.1' is not a valid IPv4 address"),
        ["IPv6 literal under IP4"] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 2001:db8::1\nt=0 0", 4, "is an IPv6 address but the address type is IP4"),
        ["IPv4 literal under IP6"] = Bad("v=0\no=- 1 1 IN IP6 192.0.2.1\ns=-\nt=0 0", 2, "is an IPv4 address but the address type is IP6"),
        ["bracketed IPv6"] = Bad("v=0\no=- 1 1 IN IP6 [2001:db8::1]\ns=-\nt=0 0", 2, "'[2001:db8::1]' is not a valid IPv6 address"),
        ["address with a zone index"] = Bad("v=0\no=- 1 1 IN IP6 fe80::1%eth0\ns=-\nt=0 0", 2, "not a valid IPv6 address"),
        ["address with an underscore"] = Bad("v=0\no=- 1 1 IN IP4 bad_host.example.com\ns=-\nt=0 0", 2, "neither an IP address nor a domain name"),
        ["bad IPv6 address"] = Bad("v=0\no=- 1 1 IN IP6 2001:db8:::1\ns=-\nt=0 0", 2, "not a valid IPv6 address"),
        ["TTL on a unicast address"] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1/127\nt=0 0", 4, "only multicast addresses take a '/' suffix"),
        ["IPv4 multicast without TTL"] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 224.2.1.1\nt=0 0", 4, "needs '/<ttl 0-255>"),
        ["format not a payload type"] = Bad(Head + "m=audio 5000 RTP/AVP PCMU", 6, "format 'PCMU' is not an RTP payload type"),
        ["format with leading zero"] = Bad(Head + "m=audio 5000 RTP/AVP 08", 6, "format '08' is not an RTP payload type"),
        ["format listed twice"] = Bad(Head + "m=audio 5000 RTP/AVP 0 8 0", 6, "format 0 is listed twice"),
        ["m= without formats"] = Bad(Head + "m=audio 5000 RTP/AVP", 6, "at least one format"),
        ["bandwidth without colon"] = Bad(Head + "b=AS64", 6, "must be '<bwtype>:<number>'"),
        ["line without ="] = Bad("v=0\nhello\ns=-", 2, "expected '<type>=<value>' but found 'hello'"),
        ["space before ="] = Bad("v =0", 1, "expected '<type>=<value>'"),
        ["upper-case type"] = Bad("V=0", 1, "the type must be one lower-case letter"),
        ["empty line inside"] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\n\ns=-\nt=0 0", 3, "empty line inside the description"),
        ["bare CR"] = Bad("v=0\ro=- 1 1 IN IP4 192.0.2.1", 1, "carriage return without a line feed"),
        ["NUL in a line"] = Bad("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=a\0b\nt=0 0", 3, "NUL character"),
        ["empty text"] = new InvalidSdp(string.Empty, 1, "the description is empty"),
        ["only line ends"] = new InvalidSdp("\r\n\r\n", 1, "the description is empty"),
    };

    public static TheoryData<string> Names() => [.. All.Keys];

    /// <summary>A missing m= line parses (RFC 4566 allows zero media) but cannot be answered.</summary>
    public static readonly string NoMedia = SdpText.Crlf("""
        v=0
        o=- 1 1 IN IP4 192.0.2.1
        s=-
        c=IN IP4 192.0.2.1
        t=0 0
        """);

    private static InvalidSdp Bad(string lfText, int line, string expected) =>
        new(lfText.Replace("\n", "\r\n") + "\r\n", line, expected);
}
