namespace CallCenter.Media.Dtmf;

/// <summary>
/// The sixteen DTMF keys and their RFC 4733 event codes (RFC 4733 §3.2, Table 7):
/// 0–9 are codes 0–9, <c>*</c> is 10, <c>#</c> is 11 and A–D are 12–15.
/// </summary>
public static class DtmfDigits
{
    /// <summary>Every DTMF key, indexed by its RFC 4733 event code.</summary>
    public const string All = "0123456789*#ABCD";

    /// <summary>Highest RFC 4733 event code that is a DTMF key; 16 is hook flash and above are other tones.</summary>
    public const int MaxEventCode = 15;

    /// <summary>The key for an RFC 4733 event code, or false when the code is not a DTMF key (flash, fax tones…).</summary>
    public static bool TryFromEventCode(int eventCode, out char digit)
    {
        if (eventCode is >= 0 and <= MaxEventCode)
        {
            digit = All[eventCode];
            return true;
        }

        digit = '\0';
        return false;
    }

    /// <summary>
    /// The RFC 4733 event code of a key. Lower-case a–d are accepted as A–D because keypads and
    /// SIP INFO senders use both spellings.
    /// </summary>
    public static bool TryToEventCode(char digit, out byte eventCode)
    {
        var index = All.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        eventCode = index < 0 ? (byte)0 : (byte)index;
        return index >= 0;
    }

    /// <summary>True for 0–9, *, #, A–D and a–d.</summary>
    public static bool IsDigit(char digit) => TryToEventCode(digit, out _);

    /// <summary>The canonical (upper-case) spelling of a key; throws for anything that is not a key.</summary>
    public static char Normalize(char digit) =>
        TryToEventCode(digit, out var code)
            ? All[code]
            : throw new ArgumentOutOfRangeException(nameof(digit), digit, "Not a DTMF key (0-9, *, #, A-D).");
}
