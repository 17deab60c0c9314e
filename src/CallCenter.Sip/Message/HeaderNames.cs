using System.Text;

namespace CallCenter.Sip.Message;

/// <summary>
/// Maps header names (long and compact forms, RFC 3261 §7.3.3 and §20) to <see cref="KnownHeader"/>
/// and back. Lookups work on raw bytes so the parser never allocates to recognise a header.
/// </summary>
public static class HeaderNames
{
    /// <summary>The canonical (long-form) spelling used when we serialise a header.</summary>
    public static string Canonical(KnownHeader header) => CanonicalNames[(int)header];

    /// <summary>Recognises a header name given as UTF-8/ASCII bytes, ignoring case.</summary>
    public static KnownHeader Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return LookupCompact((byte)(name[0] | 0x20));
        }

        foreach (var (bytes, header) in LongForms)
        {
            if (bytes.Length == name.Length && Ascii.EqualsIgnoreCase(bytes, name))
            {
                return header;
            }
        }

        return KnownHeader.Unknown;
    }

    /// <summary>Recognises a header name given as a string, ignoring case.</summary>
    public static KnownHeader Lookup(string name)
    {
        Span<byte> buffer = stackalloc byte[64];
        if (name.Length > buffer.Length || !Ascii.IsValid(name))
        {
            return KnownHeader.Unknown;
        }

        var written = Encoding.ASCII.GetBytes(name, buffer);
        return Lookup(buffer[..written]);
    }

    /// <summary>Compact forms, RFC 3261 §7.3.3 plus those registered by later RFCs.</summary>
    private static KnownHeader LookupCompact(byte lower) => lower switch
    {
        (byte)'v' => KnownHeader.Via,
        (byte)'f' => KnownHeader.From,
        (byte)'t' => KnownHeader.To,
        (byte)'i' => KnownHeader.CallId,
        (byte)'m' => KnownHeader.Contact,
        (byte)'l' => KnownHeader.ContentLength,
        (byte)'c' => KnownHeader.ContentType,
        (byte)'k' => KnownHeader.Supported,
        (byte)'s' => KnownHeader.Subject,
        (byte)'e' => KnownHeader.ContentEncoding,
        (byte)'o' => KnownHeader.Event,
        (byte)'u' => KnownHeader.AllowEvents,
        (byte)'r' => KnownHeader.ReferTo,
        (byte)'b' => KnownHeader.ReferredBy,
        (byte)'x' => KnownHeader.SessionExpires,
        _ => KnownHeader.Unknown,
    };

    // Ordered roughly by how often the header appears, so the common ones are found first.
    private static readonly (byte[] Name, KnownHeader Header)[] LongForms =
    [
        ("Via"u8.ToArray(), KnownHeader.Via),
        ("From"u8.ToArray(), KnownHeader.From),
        ("To"u8.ToArray(), KnownHeader.To),
        ("Call-ID"u8.ToArray(), KnownHeader.CallId),
        ("CSeq"u8.ToArray(), KnownHeader.CSeq),
        ("Contact"u8.ToArray(), KnownHeader.Contact),
        ("Content-Length"u8.ToArray(), KnownHeader.ContentLength),
        ("Content-Type"u8.ToArray(), KnownHeader.ContentType),
        ("Max-Forwards"u8.ToArray(), KnownHeader.MaxForwards),
        ("Route"u8.ToArray(), KnownHeader.Route),
        ("Record-Route"u8.ToArray(), KnownHeader.RecordRoute),
        ("Expires"u8.ToArray(), KnownHeader.Expires),
        ("Authorization"u8.ToArray(), KnownHeader.Authorization),
        ("User-Agent"u8.ToArray(), KnownHeader.UserAgent),
        ("Allow"u8.ToArray(), KnownHeader.Allow),
        ("Supported"u8.ToArray(), KnownHeader.Supported),
        ("Min-Expires"u8.ToArray(), KnownHeader.MinExpires),
        ("Proxy-Authorization"u8.ToArray(), KnownHeader.ProxyAuthorization),
        ("WWW-Authenticate"u8.ToArray(), KnownHeader.WwwAuthenticate),
        ("Proxy-Authenticate"u8.ToArray(), KnownHeader.ProxyAuthenticate),
        ("Authentication-Info"u8.ToArray(), KnownHeader.AuthenticationInfo),
        ("Require"u8.ToArray(), KnownHeader.Require),
        ("Proxy-Require"u8.ToArray(), KnownHeader.ProxyRequire),
        ("Unsupported"u8.ToArray(), KnownHeader.Unsupported),
        ("Accept"u8.ToArray(), KnownHeader.Accept),
        ("Accept-Encoding"u8.ToArray(), KnownHeader.AcceptEncoding),
        ("Accept-Language"u8.ToArray(), KnownHeader.AcceptLanguage),
        ("Content-Encoding"u8.ToArray(), KnownHeader.ContentEncoding),
        ("Content-Disposition"u8.ToArray(), KnownHeader.ContentDisposition),
        ("Server"u8.ToArray(), KnownHeader.Server),
        ("Subject"u8.ToArray(), KnownHeader.Subject),
        ("Event"u8.ToArray(), KnownHeader.Event),
        ("Allow-Events"u8.ToArray(), KnownHeader.AllowEvents),
        ("Refer-To"u8.ToArray(), KnownHeader.ReferTo),
        ("Referred-By"u8.ToArray(), KnownHeader.ReferredBy),
        ("Session-Expires"u8.ToArray(), KnownHeader.SessionExpires),
        ("Min-SE"u8.ToArray(), KnownHeader.MinSE),
        ("Warning"u8.ToArray(), KnownHeader.Warning),
        ("Date"u8.ToArray(), KnownHeader.Date),
        ("Timestamp"u8.ToArray(), KnownHeader.Timestamp),
        ("Reason"u8.ToArray(), KnownHeader.Reason),
        ("RSeq"u8.ToArray(), KnownHeader.RSeq),
        ("RAck"u8.ToArray(), KnownHeader.RAck),
        ("Retry-After"u8.ToArray(), KnownHeader.RetryAfter),
        ("P-Asserted-Identity"u8.ToArray(), KnownHeader.PAssertedIdentity),
        ("Privacy"u8.ToArray(), KnownHeader.Privacy),
        ("Organization"u8.ToArray(), KnownHeader.Organization),
        ("Priority"u8.ToArray(), KnownHeader.Priority),
    ];

    // Declared after LongForms: static fields initialise in textual order.
    private static readonly string[] CanonicalNames = BuildCanonicalNames();

    private static string[] BuildCanonicalNames()
    {
        var names = new string[Enum.GetValues<KnownHeader>().Length];
        foreach (var (bytes, header) in LongForms)
        {
            names[(int)header] = Encoding.ASCII.GetString(bytes);
        }

        names[(int)KnownHeader.Unknown] = string.Empty;
        return names;
    }

    /// <summary>
    /// Headers whose values may be a comma-separated list that is equivalent to repeating the header
    /// (RFC 3261 §7.3.1). Authentication headers are excluded: their commas separate parameters.
    /// </summary>
    public static bool IsListHeader(KnownHeader header) => header switch
    {
        KnownHeader.Via or KnownHeader.Contact or KnownHeader.Route or KnownHeader.RecordRoute
            or KnownHeader.Allow or KnownHeader.Supported or KnownHeader.Require or KnownHeader.ProxyRequire
            or KnownHeader.Unsupported or KnownHeader.Accept or KnownHeader.AcceptEncoding
            or KnownHeader.AcceptLanguage or KnownHeader.ContentEncoding or KnownHeader.AllowEvents
            or KnownHeader.Warning or KnownHeader.PAssertedIdentity or KnownHeader.Privacy => true,
        _ => false,
    };

    /// <summary>Headers that may appear at most once (RFC 3261 §20, "single-valued").</summary>
    public static bool IsSingleValued(KnownHeader header) => header switch
    {
        KnownHeader.From or KnownHeader.To or KnownHeader.CallId or KnownHeader.CSeq
            or KnownHeader.ContentLength or KnownHeader.ContentType or KnownHeader.MaxForwards
            or KnownHeader.Expires or KnownHeader.MinExpires => true,
        _ => false,
    };
}
