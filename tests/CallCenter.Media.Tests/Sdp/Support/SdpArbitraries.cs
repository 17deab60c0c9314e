using CallCenter.Media.Sdp;
using FsCheck;
using FsCheck.Fluent;

namespace CallCenter.Media.Tests.Sdp.Support;

/// <summary>Text made of SDP fragments and arbitrary characters.</summary>
public sealed record SdpLikeText(string Text)
{
    /// <inheritdoc />
    public override string ToString() => string.Concat(Text.Select(c => char.IsControl(c) ? $"\\x{(int)c:X2}" : c.ToString()));
}

/// <summary>A valid description built from random parts.</summary>
public sealed record GeneratedSdp(SessionDescription Description)
{
    /// <inheritdoc />
    public override string ToString() => Description.ToString();
}

/// <summary>FsCheck generators for the SDP properties.</summary>
public static class SdpArbitraries
{
    private const string TokenChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`{|}~";
    private const string TextChars = TokenChars + " \t:;,/=@<>\"()[]\\?\u00e9\u00fc\u4e2d";

    private static readonly string[] Fragments =
    [
        "v=0", "v=", "o=", "s=", "i=", "c=", "b=", "t=", "r=", "z=", "k=", "a=", "m=", "x=", "\r\n", "\n", "\r", " ", "  ", "\t", "=",
        "- 1 1 ", "IN ", "IP4 ", "IP6 ", "in ip4 ", "192.0.2.1", "0.0.0.0", "999.1.1.1", "::", "2001:db8::1", "[::1]", "fe80::1%1",
        "224.2.1.1/127/3", "ff15::1/2", "host.example.com", "/", "//", "audio ", "video ", "0 ", "8 ", "101", "127", "128", "65535",
        "65536", "-1", "00", "99999999999999999999999", "RTP/AVP ", "RTP/SAVP", "TCP/MSRP *", "rtpmap:", "fmtp:", "ptime:", "maxptime:",
        "rtcp:", "sendonly", "recvonly", "inactive", "sendrecv", "PCMU/8000", "PCMA/16000", "telephone-event/8000", "/2", "0-15", "0-16,",
        ":", "\0", "\u00e9", "\u4e2d", "AS:64", "t=0 0\r\n", "m=audio 5000 RTP/AVP 0\r\n", "c=IN IP4 192.0.2.1\r\n",
    ];

    private static readonly string[] AttributeNames =
    [
        "tool", "label", "ssrc", "rtcp-mux", "rtcp-fb", "mid", "candidate", "setup", "fingerprint", "ice-ufrag", "X-Custom", "foo.bar",
        "x!#$%&'*+-.^_`{|}~",
    ];

    private static readonly (SdpAddressType Type, string Address)[] UnicastAddresses =
    [
        (SdpAddressType.Ip4, "192.0.2.1"), (SdpAddressType.Ip4, "0.0.0.0"), (SdpAddressType.Ip4, "203.0.113.255"),
        (SdpAddressType.Ip6, "2001:db8::1"), (SdpAddressType.Ip6, "::"), (SdpAddressType.Ip6, "fe80::1:2"),
        (SdpAddressType.Ip4, "host.example.com"), (SdpAddressType.Ip6, "a-b.example"),
    ];

    public static Arbitrary<SdpLikeText> SdpLike() =>
        Arb.From(Gen.ListOf(Gen.Frequency(
                (5, Gen.Elements(Fragments)),
                (1, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString()))))
            .Select(parts => new SdpLikeText(string.Concat(parts))));

    public static Arbitrary<GeneratedSdp> Generated() => Arb.From(Description().Select(d => new GeneratedSdp(d)));

    private static Gen<SessionDescription> Description() =>
        from origin in Origin()
        from sessionName in Text(TextChars, 0, 12)
        from information in Optional(Text(TextChars, 0, 12))
        from uri in Optional(Text(TextChars, 1, 12))
        from emails in Few(Text(TextChars, 0, 10), 2)
        from phones in Few(Text(TextChars, 0, 10), 2)
        from connection in Optional(Connection())
        from bandwidths in Few(Bandwidth(), 2)
        from timings in Few(Timing(), 2, min: 1)
        from zones in Optional(Text(TextChars, 0, 10))
        from key in Optional(Text(TextChars, 0, 10))
        from attributes in SessionAttributes()
        from media in Few(Media(connection is not null), 3)
        select new SessionDescription
        {
            Origin = origin, SessionName = sessionName, Information = information, Uri = uri, Emails = emails, Phones = phones,
            Connection = connection, Bandwidths = bandwidths, Timings = timings, TimeZones = zones, EncryptionKey = key,
            Attributes = attributes, Media = media,
        };

    private static Gen<SdpOrigin> Origin() =>
        from user in Text(TokenChars, 1, 8)
        from id in Text("0123456789", 1, 24)
        from version in ULong()
        from address in Gen.Elements(UnicastAddresses)
        select new SdpOrigin(user, id, version, address.Type, address.Address);

    private static Gen<SdpConnection> Connection() =>
        Gen.OneOf(
            Gen.Elements(UnicastAddresses).Select(a => new SdpConnection(a.Type, a.Address)),
            from ttl in Gen.Choose(0, 255)
            from count in Optional(Gen.Choose(1, 9))
            select new SdpConnection(SdpAddressType.Ip4, "224.2.1.1") { Ttl = ttl, AddressCount = count },
            from count in Optional(Gen.Choose(1, 9))
            select new SdpConnection(SdpAddressType.Ip6, "ff15::101") { AddressCount = count });

    private static Gen<SdpBandwidth> Bandwidth() =>
        from type in Gen.Elements("AS", "CT", "TIAS", "RS", "RR", "X-YZ")
        from value in ULong()
        select new SdpBandwidth(type, value);

    private static Gen<SdpTiming> Timing() =>
        from start in ULong()
        from stop in ULong()
        from repeats in Few(Text(TextChars, 0, 10), 2)
        select new SdpTiming(start, stop) { Repeats = repeats };

    private static Gen<SdpAttribute[]> SessionAttributes() =>
        from generic in Few(Generic(), 3)
        from direction in Optional(Direction())
        select direction is null ? generic : [.. generic, direction];

    private static Gen<MediaDescription> Media(bool sessionHasConnection) =>
        from type in Gen.Elements("audio", "video", "application", "text")
        from port in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 65535)))
        from portCount in Optional(Gen.Choose(1, 4))
        from protocol in Gen.Elements("RTP/AVP", "RTP/SAVP", "UDP/TLS/RTP/SAVPF", "TCP/MSRP", "udp")
        from formats in Formats(protocol.Contains("RTP", StringComparison.Ordinal))
        from information in Optional(Text(TextChars, 0, 10))
        from connection in port != 0 && !sessionHasConnection ? Connection().Select(c => (SdpConnection?)c) : Optional(Connection())
        from bandwidths in Few(Bandwidth(), 2)
        from key in Optional(Text(TextChars, 0, 10))
        from attributes in MediaAttributes(formats)
        select new MediaDescription
        {
            Media = type, Port = port, PortCount = portCount, Protocol = protocol, Formats = formats, Information = information,
            Connection = connection, Bandwidths = bandwidths, EncryptionKey = key, Attributes = attributes,
        };

    private static Gen<string[]> Formats(bool rtp) =>
        rtp
            ? Gen.ListOf(Gen.Choose(0, 127), 5).Select(list => list.Distinct().Select(pt => pt.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            : Gen.ListOf(Text(TokenChars, 1, 6), 3).Select(list => list.Distinct().ToArray());

    private static Gen<SdpAttribute[]> MediaAttributes(string[] formats) =>
        from rtpMaps in Gen.ArrayOf(RtpMap(), formats.Length)
        from fmtps in Gen.ArrayOf(Fmtp(), formats.Length)
        from ptime in Optional(Gen.Choose(1, 1000).Select(ms => (SdpAttribute)new PtimeAttribute(ms)))
        from maxPtime in Optional(Gen.Choose(1, 1000).Select(ms => (SdpAttribute)new MaxPtimeAttribute(ms)))
        from rtcp in Optional(Rtcp())
        from direction in Optional(Direction())
        from generic in Few(Generic(), 3)
        let typed = formats.SelectMany((format, i) => new[] { rtpMaps[i](format), fmtps[i](format) }).Concat([ptime, maxPtime, rtcp, direction])
        from keys in Gen.ArrayOf(Gen.Choose(0, 1000), (formats.Length * 2) + 4 + generic.Length)
        select typed.Concat(generic).Zip(keys).Where(p => p.First is not null).OrderBy(p => p.Second).Select(p => p.First!).ToArray();

    /// <summary>Maybe an rtpmap for a format: the RFC 3551 one for a static type, a random codec for the others.</summary>
    private static Gen<Func<string, SdpAttribute?>> RtpMap() =>
        from present in Gen.Elements(true, false)
        from name in Text(TokenChars, 1, 10)
        from rate in Gen.Choose(1, 96000)
        from channels in Optional(Gen.Choose(1, 8))
        select (Func<string, SdpAttribute?>)(format => present && int.TryParse(format, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pt) && pt <= StaticPayloadTypes.Max
            ? StaticPayloadTypes.Lookup(pt) ?? new RtpMapAttribute(pt, name, rate, channels)
            : null);

    /// <summary>Maybe an fmtp for a format.</summary>
    private static Gen<Func<string, SdpAttribute?>> Fmtp() =>
        from present in Gen.Elements(true, false)
        from parameters in Text(TextChars, 1, 16)
        select (Func<string, SdpAttribute?>)(format => present && parameters.TrimEnd(' ', '\t').Length > 0
            ? new FmtpAttribute(format, parameters.TrimEnd(' ', '\t'))
            : null);

    private static Gen<SdpAttribute> Rtcp() =>
        from port in Gen.Choose(1, 65535)
        from connection in Optional(Connection())
        select (SdpAttribute)new RtcpAttribute(port, connection);

    private static Gen<SdpAttribute> Direction() =>
        Gen.Elements(SdpDirection.SendRecv, SdpDirection.SendOnly, SdpDirection.RecvOnly, SdpDirection.Inactive)
            .Select(d => (SdpAttribute)new DirectionAttribute(d));

    private static Gen<SdpAttribute> Generic() =>
        from name in Gen.Elements(AttributeNames)
        from value in Optional(Text(TextChars, 0, 16))
        select (SdpAttribute)new GenericAttribute(name, value?.TrimEnd(' ', '\t'));

    private static Gen<ulong> ULong() =>
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        from small in Gen.Elements(true, false)
        select small ? (ulong)(uint)low % 100 : ((ulong)(uint)high << 32) | (uint)low;

    private static Gen<T[]> Few<T>(Gen<T> gen, int max, int min = 0) =>
        from count in Gen.Choose(min, max)
        from items in Gen.ListOf(gen, count)
        select items.ToArray();

    private static Gen<T?> Optional<T>(Gen<T> gen) where T : class =>
        Gen.OneOf(Gen.Constant<T?>(null), gen.Select(v => (T?)v));

    private static Gen<int?> Optional(Gen<int> gen) =>
        Gen.OneOf(Gen.Constant<int?>(null), gen.Select(v => (int?)v));

    private static Gen<string> Text(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
        select new string(chars);
}
