using System.Globalization;

namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>Reads sample values out of the Prometheus text exposition format served at <c>/metrics</c>.</summary>
public static class PrometheusText
{
    /// <summary>
    /// The value of the first sample of metric <paramref name="name"/> whose labels include every pair in
    /// <paramref name="labels"/> (e.g. <c>method="REGISTER"</c>), or null when there is none.
    /// </summary>
    public static double? Value(string exposition, string name, params string[] labels)
    {
        foreach (var rawLine in exposition.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#' || !TrySplit(line, out var series, out var value))
            {
                continue;
            }

            var braceAt = series.IndexOf('{', StringComparison.Ordinal);
            var seriesName = braceAt < 0 ? series : series[..braceAt];
            var labelText = braceAt < 0 ? string.Empty : series[(braceAt + 1)..].TrimEnd('}');
            var seriesLabels = labelText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (seriesName == name && labels.All(seriesLabels.Contains))
            {
                return value;
            }
        }

        return null;
    }

    // "series value [timestamp]": label values here never contain spaces, so the first space ends the series.
    private static bool TrySplit(string line, out string series, out double value)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        series = parts.Length >= 2 ? parts[0] : string.Empty;
        value = 0;
        return parts.Length >= 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
