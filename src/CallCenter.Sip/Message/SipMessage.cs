using System.Globalization;
using System.Text;

namespace CallCenter.Sip.Message;

/// <summary>
/// A SIP request or response (RFC 3261 §7). Headers are stored as received; the typed views below
/// parse on first use and are cached until the headers change. A typed view is null when its header
/// is missing or malformed: <see cref="SipMessageValidator"/> tells which, for a 400 reason.
/// </summary>
public abstract class SipMessage
{
    private int _cacheVersion = -1;
    private CSeqHeader? _cseq;
    private NameAddress? _from;
    private NameAddress? _to;
    private List<ViaHeader>? _vias;

    private protected SipMessage(SipHeaders headers, ReadOnlyMemory<byte> body)
    {
        Headers = headers;
        Body = body;
    }

    /// <summary>Header fields in order.</summary>
    public SipHeaders Headers { get; }

    /// <summary>Message body (Content-Length is derived from it when serialising).</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>SIP version from the start line; "SIP/2.0" for anything we build.</summary>
    public string Version { get; init; } = "SIP/2.0";

    /// <summary>Call-ID (§20.8).</summary>
    public string? CallId => Headers[KnownHeader.CallId];

    /// <summary>CSeq (§20.16).</summary>
    public CSeqHeader? CSeq
    {
        get
        {
            Refresh();
            if (_cseq is null && Headers[KnownHeader.CSeq] is { } text && CSeqHeader.TryParse(text, out var cseq, out _))
            {
                _cseq = cseq;
            }

            return _cseq;
        }
    }

    /// <summary>From (§20.20).</summary>
    public NameAddress? From
    {
        get
        {
            Refresh();
            return _from ??= ParseAddress(KnownHeader.From);
        }
    }

    /// <summary>To (§20.39).</summary>
    public NameAddress? To
    {
        get
        {
            Refresh();
            return _to ??= ParseAddress(KnownHeader.To);
        }
    }

    /// <summary>All Via elements top-down; empty when any is malformed (see <see cref="TryGetVias"/>).</summary>
    public IReadOnlyList<ViaHeader> Vias => TryGetVias(out var vias, out _) ? vias : [];

    /// <summary>The topmost Via, which identifies the transaction (§17.2.3).</summary>
    public ViaHeader? TopVia => Vias.Count > 0 ? Vias[0] : null;

    /// <summary>Content-Type value, or null.</summary>
    public string? ContentType => Headers[KnownHeader.ContentType];

    /// <summary>Max-Forwards as a number, or null when absent or not a number.</summary>
    public int? MaxForwards => ParseSmallInt(Headers[KnownHeader.MaxForwards], 255);

    /// <summary>
    /// Expires header as seconds, or null when absent. Values beyond 2^32-1 read as 2^32-1 (§10.2.1.1) and a
    /// malformed value (for example an RFC 2543 absolute date) reads as 3600, as §20.19 says it SHOULD.
    /// </summary>
    public long? Expires => Headers[KnownHeader.Expires] is { } text ? ParseDeltaSeconds(text) ?? MalformedExpiresSeconds : null;

    /// <summary>Parses every Via element.</summary>
    public bool TryGetVias(out IReadOnlyList<ViaHeader> vias, out string error)
    {
        Refresh();
        if (_vias is null)
        {
            var parsed = new List<ViaHeader>(2);
            foreach (var element in Headers.ElementsOf(KnownHeader.Via))
            {
                if (!ViaHeader.TryParse(element, out var via, out error))
                {
                    vias = [];
                    return false;
                }

                parsed.Add(via);
            }

            _vias = parsed;
        }

        vias = _vias;
        error = string.Empty;
        return true;
    }

    /// <summary>Parses every Contact element; <paramref name="isWildcard"/> reports "Contact: *" (§10.2.2).</summary>
    public bool TryGetContacts(out List<NameAddress> contacts, out bool isWildcard, out string error)
    {
        contacts = [];
        isWildcard = false;
        foreach (var element in Headers.ElementsOf(KnownHeader.Contact))
        {
            if (element == "*")
            {
                isWildcard = true;
                continue;
            }

            if (!NameAddress.TryParse(element, out var contact, out error))
            {
                error = "Contact: " + error;
                return false;
            }

            contacts.Add(contact);
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Serialises to wire bytes (Content-Length always written from the body).</summary>
    public byte[] ToBytes() => SipSerializer.Serialize(this);

    /// <inheritdoc />
    public override string ToString() => Encoding.UTF8.GetString(ToBytes());

    internal abstract void WriteStartLine(StringBuilder builder);

    /// <summary>What a malformed Expires value stands for (RFC 3261 §20.19).</summary>
    public const long MalformedExpiresSeconds = 3600;

    internal static int? ParseSmallInt(string? text, int max)
    {
        if (text is null || text.Length is 0 or > 9 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > max)
        {
            return null;
        }

        return value;
    }

    /// <summary>delta-seconds; values beyond 2^32-1 are treated as 2^32-1 (§20.19 / §10.2.1.1).</summary>
    internal static long? ParseDeltaSeconds(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return null;
        }

        return text.Length > 10 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > uint.MaxValue
            ? uint.MaxValue
            : value;
    }

    private NameAddress? ParseAddress(KnownHeader id) =>
        Headers[id] is { } text && NameAddress.TryParse(text, out var value, out _) ? value : null;

    private void Refresh()
    {
        if (_cacheVersion != Headers.Version)
        {
            _cacheVersion = Headers.Version;
            _cseq = null;
            _from = null;
            _to = null;
            _vias = null;
        }
    }
}
