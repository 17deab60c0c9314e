namespace CallCenter.Sip.SessionTimers;

/// <summary>
/// <c>delta-seconds = 1*DIGIT</c> (RFC 3261 §25.1), the number both RFC 4028 header fields start with. A value too
/// large for an <see cref="int"/> is read as <see cref="int.MaxValue"/>: more than 68 years is "as long as you like",
/// and every use of it is bounded by our own maximum anyway.
/// </summary>
internal static class DeltaSeconds
{
    /// <summary>Reads the digits at <paramref name="i"/> (after optional white space); false when there are none.</summary>
    public static bool TryRead(string s, ref int i, out int seconds)
    {
        i = Message.SipSyntax.SkipWhite(s, i);
        var start = i;
        long value = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            value = Math.Min(value * 10 + (s[i] - '0'), int.MaxValue);
            i++;
        }

        seconds = (int)value;
        return i > start;
    }
}
