using System.Buffers;

namespace CallCenter.Config.Schema;

/// <summary>Character rules for the identifiers that appear in the file.</summary>
public static class Tokens
{
    /// <summary>Longest extension accepted, to keep SIP user names practical for phones.</summary>
    public const int MaxExtensionLength = 32;

    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> SkillCharacters =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyz-");

    /// <summary>The twelve DTMF keys of a phone keypad.</summary>
    private static readonly SearchValues<char> DialKeys = SearchValues.Create("0123456789*#");

    private static readonly SearchValues<char> FlowNameCharacters =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-");

    /// <summary>
    /// An extension is the SIP "user" of the agent's AOR (RFC 3261 §19.1.1). The grammar there
    /// allows more characters, but letters and digits are all a softphone user name needs and
    /// avoid any escaping in URIs and digest usernames.
    /// </summary>
    public static bool IsExtension(string text) =>
        text.Length is >= 1 and <= MaxExtensionLength && !text.AsSpan().ContainsAnyExcept(AsciiLettersAndDigits);

    /// <summary>Skill names are lowercase so routing rules never differ only by case: [a-z0-9][a-z0-9-]*.</summary>
    public static bool IsSkillName(string text) =>
        text.Length > 0 && text[0] != '-' && !text.AsSpan().ContainsAnyExcept(SkillCharacters);

    /// <summary>
    /// A number callers can dial: digits, '*' and '#', with an optional leading '+' for E.164
    /// numbers. A '+' anywhere else cannot be dialled.
    /// </summary>
    public static bool IsDialable(string text)
    {
        ReadOnlySpan<char> keys = text.StartsWith('+') ? text.AsSpan(1) : text.AsSpan();
        return !keys.IsEmpty && !keys.ContainsAnyExcept(DialKeys);
    }

    /// <summary>Flow names become file names (ivr-flows/NAME.yaml), so no path characters: [A-Za-z0-9_-]+.</summary>
    public static bool IsFlowName(string text) =>
        text.Length > 0 && !text.AsSpan().ContainsAnyExcept(FlowNameCharacters);

    /// <summary>Control characters (line breaks included) would break SIP headers and log lines.</summary>
    public static bool HasControlCharacters(string text)
    {
        foreach (char c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
