namespace CallCenter.RtpProbe;

/// <summary>
/// Counts non-negative durations in whole microseconds, one bucket per microsecond up to
/// <see cref="MaxBucketMicroseconds"/>, so percentiles are exact to 1 µs without keeping the samples (a run of
/// 5,000 streams for a minute records 15 million gaps). Longer durations share one overflow bucket; the exact
/// maximum is kept separately. Not thread-safe: one receive thread owns it.
/// </summary>
public sealed class DeviationHistogram
{
    /// <summary>Largest duration with its own bucket: 200 ms, ten packet intervals.</summary>
    public const int MaxBucketMicroseconds = 200_000;

    private readonly long[] _buckets = new long[MaxBucketMicroseconds + 2];

    /// <summary>Number of durations recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Largest duration recorded, in microseconds (0 when empty).</summary>
    public long MaxMicroseconds { get; private set; }

    /// <summary>Records one duration; negative values are taken as zero.</summary>
    public void Record(long microseconds)
    {
        long value = Math.Max(0, microseconds);
        _buckets[value > MaxBucketMicroseconds ? MaxBucketMicroseconds + 1 : value]++;
        Count++;
        if (value > MaxMicroseconds)
        {
            MaxMicroseconds = value;
        }
    }

    /// <summary>
    /// The nearest-rank percentile: the smallest recorded value that at least <paramref name="percent"/> % of the
    /// values do not exceed. A rank that falls in the overflow bucket returns the maximum (an upper bound).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not in (0, 100].</exception>
    public long Percentile(double percent)
    {
        if (percent is <= 0 or > 100 || double.IsNaN(percent))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentile must be above 0 and at most 100.");
        }

        if (Count == 0)
        {
            return 0;
        }

        // Rounded first: 99.9 % of 1,000 is 999.0000000000001 in binary floating point, and its ceiling is not 999.
        long rank = Math.Max(1, (long)Math.Ceiling(Math.Round(percent / 100 * Count, 6)));
        long seen = 0;
        for (int value = 0; value <= MaxBucketMicroseconds; value++)
        {
            seen += _buckets[value];
            if (seen >= rank)
            {
                return value;
            }
        }

        return MaxMicroseconds;
    }

    /// <summary>How many recorded values are at most <paramref name="limitMicroseconds"/>.</summary>
    public long CountAtMost(long limitMicroseconds)
    {
        long top = Math.Min(limitMicroseconds, MaxBucketMicroseconds);
        long total = 0;
        for (long value = 0; value <= top; value++)
        {
            total += _buckets[value];
        }

        return total;
    }

    /// <summary>Forgets everything recorded.</summary>
    public void Reset()
    {
        Array.Clear(_buckets);
        Count = 0;
        MaxMicroseconds = 0;
    }
}
