namespace CallCenter.Ivr.Loading;

/// <summary>Shortens the regular-expression engine's complaint to the part an operator can act on.</summary>
internal static class PatternError
{
    public static string Plain(string? engineMessage)
    {
        if (string.IsNullOrWhiteSpace(engineMessage))
        {
            return "the pattern cannot be read";
        }

        // .NET says "Invalid pattern '^(?:...)$' at offset N. Reason." — the quoted pattern includes the anchors
        // the loader adds, and the offset counts them, so only the reason is kept.
        int reasonStart = engineMessage.IndexOf(". ", StringComparison.Ordinal);
        string reason = reasonStart >= 0 && engineMessage.StartsWith("Invalid pattern", StringComparison.Ordinal)
            ? engineMessage[(reasonStart + 2)..]
            : engineMessage;
        return reason.Trim().TrimEnd('.');
    }
}
