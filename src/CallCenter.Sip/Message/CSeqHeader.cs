using System.Globalization;

namespace CallCenter.Sip.Message;

/// <summary>CSeq: a sequence number and a method (RFC 3261 §20.16); the number is below 2^31 (§8.1.1.5).</summary>
public sealed record CSeqHeader(long Number, string Method)
{
    /// <summary>Largest sequence number allowed (§8.1.1.5: "MUST be less than 2**31").</summary>
    public const long MaxNumber = (1L << 31) - 1;

    /// <summary>Parses "number method" with LWS between, without throwing.</summary>
    public static bool TryParse(string text, out CSeqHeader cseq, out string error)
    {
        cseq = null!;
        var s = text.Trim();
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i == 0)
        {
            error = "CSeq must start with a number";
            return false;
        }

        if (i > 10 || !long.TryParse(s.AsSpan(0, i), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > MaxNumber)
        {
            error = "CSeq number is larger than 2^31-1";
            return false;
        }

        var methodStart = SipSyntax.SkipWhite(s, i);
        if (methodStart == i || !SipSyntax.IsToken(s.AsSpan(methodStart)))
        {
            error = "CSeq must be '<number> <method>'";
            return false;
        }

        cseq = new CSeqHeader(number, SipMethods.Intern(s.AsSpan(methodStart)));
        error = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + " " + Method;
}
