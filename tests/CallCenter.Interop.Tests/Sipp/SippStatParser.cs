using System.Globalization;

namespace CallCenter.Interop.Tests.Sipp;

/// <summary>
/// Reads sipp's <c>-trace_stat</c> CSV (semicolon-separated, one header row, one row per reporting period) and
/// returns the cumulative <c>SuccessfulCall(C)</c> / <c>FailedCall(C)</c> of the last row.
/// </summary>
public static class SippStatParser
{
    private const string SuccessfulColumn = "SuccessfulCall(C)";
    private const string FailedColumn = "FailedCall(C)";

    /// <summary>Parses <paramref name="csv"/>; false when the header or a data row is missing or malformed.</summary>
    public static bool TryParse(string csv, out SippCallCounts counts)
    {
        counts = new SippCallCounts(0, 0);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (rows.Length < 2)
        {
            return false;
        }

        var header = rows[0].Split(';');
        var successfulAt = Array.IndexOf(header, SuccessfulColumn);
        var failedAt = Array.IndexOf(header, FailedColumn);
        var last = rows[^1].Split(';');
        if (successfulAt < 0 || failedAt < 0 || last.Length <= Math.Max(successfulAt, failedAt)
            || !long.TryParse(last[successfulAt], NumberStyles.None, CultureInfo.InvariantCulture, out var successful)
            || !long.TryParse(last[failedAt], NumberStyles.None, CultureInfo.InvariantCulture, out var failed))
        {
            return false;
        }

        counts = new SippCallCounts(successful, failed);
        return true;
    }
}
