using System.Diagnostics;

namespace CallCenter.Interop.Tests.Media;

/// <summary>Pacing figures of a packet stream: gaps between consecutive arrivals and their percentiles.</summary>
public static class ArrivalStatistics
{
    /// <summary>Milliseconds between each arrival and the one before it (one fewer than <paramref name="arrivalTicks"/>).</summary>
    public static IReadOnlyList<double> GapsMilliseconds(IReadOnlyList<long> arrivalTicks)
    {
        var gaps = new double[Math.Max(0, arrivalTicks.Count - 1)];
        for (var i = 1; i < arrivalTicks.Count; i++)
        {
            gaps[i - 1] = (arrivalTicks[i] - arrivalTicks[i - 1]) * 1000.0 / Stopwatch.Frequency;
        }

        return gaps;
    }

    /// <summary>
    /// The <paramref name="percent"/>th percentile of <paramref name="values"/> by the nearest-rank method (the
    /// smallest value with at least that share of values at or below it); 50 is the median.
    /// </summary>
    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
