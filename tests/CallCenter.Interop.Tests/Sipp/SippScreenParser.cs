using System.Globalization;
using System.Text.RegularExpressions;

namespace CallCenter.Interop.Tests.Sipp;

/// <summary>
/// Reads the "Successful call" / "Failed call" rows of sipp's statistics screen, which sipp prints to stdout when it
/// ends. The rows look like <c>  Successful call        |        0                  |        1</c>; the last column
/// is the cumulative value. The last screen printed wins (sipp may print periodic screens before the final one).
/// </summary>
public static partial class SippScreenParser
{
    /// <summary>Parses <paramref name="screen"/>; false when either row is missing.</summary>
    public static bool TryParse(string screen, out SippCallCounts counts)
    {
        var successful = LastCumulative(screen, SuccessfulRow());
        var failed = LastCumulative(screen, FailedRow());
        counts = new SippCallCounts(successful ?? 0, failed ?? 0);
        return successful is not null && failed is not null;
    }

    private static long? LastCumulative(string screen, Regex row)
    {
        long? value = null;
        foreach (Match match in row.Matches(screen))
        {
            value = long.Parse(match.Groups["cumulative"].Value, CultureInfo.InvariantCulture);
        }

        return value;
    }

    [GeneratedRegex(@"^[ \t]*Successful call[ \t]*\|[^|\n]*\|[ \t]*(?<cumulative>\d+)[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex SuccessfulRow();

    [GeneratedRegex(@"^[ \t]*Failed call[ \t]*\|[^|\n]*\|[ \t]*(?<cumulative>\d+)[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex FailedRow();
}
