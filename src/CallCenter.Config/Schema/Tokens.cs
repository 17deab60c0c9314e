namespace CallCenter.Config.Schema;

/// <summary>Character rules for the identifiers that appear in the file.</summary>
internal static class Tokens
{
    /// <summary>Longest extension accepted, to keep SIP user names practical for phones.</summary>
    public const int MaxExtensionLength = 32;

    /// <summary>
    /// An extension is the SIP "user" of the agent's AOR (RFC 3261 §19.1.1). The grammar there
    /// allows more characters, but letters and digits are all a softphone user name needs and
    /// avoid any escaping in URIs and digest usernames.
    /// </summary>
    public static bool IsExtension(string text) =>
        text.Length is >= 1 and <= MaxExtensionLength && text.All(char.IsAsciiLetterOrDigit);

    /// <summary>Skill names are lowercase so routing rules never differ only by case: [a-z0-9][a-z0-9-]*.</summary>
    public static bool IsSkillName(string text) =>
        text.Length > 0
        && IsLowerAlnum(text[0])
        && text.All(c => IsLowerAlnum(c) || c == '-');

    /// <summary>
    /// A number callers can dial: digits, '*' and '#' (the DTMF keys), with an optional leading
    /// '+' for E.164 numbers. A '+' anywhere else cannot be dialled.
    /// </summary>
    public static bool IsDialable(string text)
    {
        ReadOnlySpan<char> keys = text.StartsWith('+') ? text.AsSpan(1) : text.AsSpan();
        if (keys.IsEmpty)
        {
            return false;
        }

        foreach (char c in keys)
        {
            if (!char.IsAsciiDigit(c) && c != '*' && c != '#')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Flow names become file names (ivr-flows/NAME.yaml), so no path characters: [A-Za-z0-9_-]+.</summary>
    public static bool IsFlowName(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>Control characters (line breaks included) would break SIP headers and log lines.</summary>
    public static bool HasControlCharacters(string text) => text.Any(char.IsControl);

    private static bool IsLowerAlnum(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
