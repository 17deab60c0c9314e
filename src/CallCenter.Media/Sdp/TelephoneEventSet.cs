using System.Globalization;
using System.Text;

namespace CallCenter.Media.Sdp;

/// <summary>
/// A set of telephone-event codes (0-255), as carried by the fmtp of a telephone-event payload type
/// (RFC 4733 §7.1.1): comma-separated codes and ascending ranges, e.g. "0-15" or "0-11,16", in any order,
/// without white space. When the fmtp is absent the events 0-15 (the DTMF tones) are assumed.
/// </summary>
public readonly record struct TelephoneEventSet
{
    /// <summary>The largest event code (the event field is eight bits, RFC 4733 §2.3).</summary>
    public const int MaxEvent = 255;

    private readonly UInt128 _low;
    private readonly UInt128 _high;

    private TelephoneEventSet(UInt128 low, UInt128 high)
    {
        _low = low;
        _high = high;
    }

    /// <summary>The sixteen DTMF events 0-15 (0-9, *, #, A-D), assumed when the fmtp is absent.</summary>
    public static TelephoneEventSet Dtmf => Range(0, 15);

    /// <summary>DTMF plus event 16, hook flash: what this server handles.</summary>
    public static TelephoneEventSet DtmfAndFlash => Range(0, 16);

    /// <summary>True when no event is in the set.</summary>
    public bool IsEmpty => _low == UInt128.Zero && _high == UInt128.Zero;

    /// <summary>The events in ascending order.</summary>
    public IEnumerable<int> Events
    {
        get
        {
            for (var code = 0; code <= MaxEvent; code++)
            {
                if (Contains(code))
                {
                    yield return code;
                }
            }
        }
    }

    /// <summary>The set of the codes <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    public static TelephoneEventSet Range(int first, int last)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(last, MaxEvent);
        var set = default(TelephoneEventSet);
        for (var code = first; code <= last; code++)
        {
            set = set.Add(code);
        }

        return set;
    }

    /// <summary>
    /// Reads an event list; false for white space, empty elements, descending ranges, codes above 255 or
    /// anything else the RFC 4733 §7.1.1 syntax does not allow.
    /// </summary>
    public static bool TryParse(string? text, out TelephoneEventSet set)
    {
        set = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var element in text.Split(','))
        {
            var dash = element.IndexOf('-');
            var firstText = dash < 0 ? element : element[..dash];
            var lastText = dash < 0 ? element : element[(dash + 1)..];
            if (!TryReadCode(firstText, out var first) || !TryReadCode(lastText, out var last) || last < first)
            {
                set = default;
                return false;
            }

            for (var code = first; code <= last; code++)
            {
                set = set.Add(code);
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="code"/> is in the set.</summary>
    public bool Contains(int code) => code switch
    {
        < 0 or > MaxEvent => false,
        < 128 => (_low & (UInt128.One << code)) != UInt128.Zero,
        _ => (_high & (UInt128.One << (code - 128))) != UInt128.Zero,
    };

    /// <summary>The set with <paramref name="code"/> added.</summary>
    public TelephoneEventSet Add(int code)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(code);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, MaxEvent);
        return code < 128
            ? new TelephoneEventSet(_low | (UInt128.One << code), _high)
            : new TelephoneEventSet(_low, _high | (UInt128.One << (code - 128)));
    }

    /// <summary>The events in both sets.</summary>
    public TelephoneEventSet Intersect(TelephoneEventSet other) => new(_low & other._low, _high & other._high);

    /// <summary>The fmtp form: ascending codes, consecutive runs as ranges, e.g. "0-11,16"; empty for the empty set.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var code = 0;
        while (code <= MaxEvent)
        {
            if (!Contains(code))
            {
                code++;
                continue;
            }

            var last = code;
            while (last < MaxEvent && Contains(last + 1))
            {
                last++;
            }

            text.Append(text.Length == 0 ? string.Empty : ",").Append(code.ToString(CultureInfo.InvariantCulture));
            if (last > code)
            {
                text.Append('-').Append(last.ToString(CultureInfo.InvariantCulture));
            }

            code = last + 1;
        }

        return text.ToString();
    }

    private static bool TryReadCode(string text, out int code) =>
        SdpSyntax.TryParseInt(text, 0, MaxEvent, out code) && text.Length <= 3;
}
