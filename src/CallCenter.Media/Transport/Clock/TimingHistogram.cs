namespace CallCenter.Media.Transport.Clock;

/// <summary>
/// Durations counted in 10 µs buckets up to 200 ms (longer ones land in the last bucket; the exact maximum and
/// minimum are kept apart). Recording is O(1) and allocation-free. Not thread-safe: the clock guards it.
/// </summary>
internal sealed class TimingHistogram
{
    private const long BucketTicks = TimeSpan.TicksPerMillisecond / 100;
    private const int BucketCount = 200 * 100;
    private readonly long[] _buckets = new long[BucketCount];

    public long Count { get; private set; }

    public TimeSpan Min { get; private set; } = TimeSpan.MaxValue;

    public TimeSpan Max { get; private set; } = TimeSpan.MinValue;

    public void Record(TimeSpan value)
    {
        long bucket = Math.Clamp(value.Ticks / BucketTicks, 0, BucketCount - 1);
        _buckets[bucket]++;
        Count++;
        Min = value < Min ? value : Min;
        Max = value > Max ? value : Max;
    }

    /// <summary>
    /// The lower edge of the bucket holding the value at <paramref name="percentile"/> (0–100); zero when empty.
    /// </summary>
    public TimeSpan Percentile(double percentile)
    {
        if (Count == 0)
        {
            return TimeSpan.Zero;
        }

        // The rank of the wanted value, 1-based: the smallest value with at least that share of values at or below it.
        long rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * Count));
        long seen = 0;
        for (int bucket = 0; bucket < BucketCount; bucket++)
        {
            seen += _buckets[bucket];
            if (seen >= rank)
            {
                return TimeSpan.FromTicks(bucket * BucketTicks);
            }
        }

        return Max;
    }

    public void Reset()
    {
        Array.Clear(_buckets);
        Count = 0;
        Min = TimeSpan.MaxValue;
        Max = TimeSpan.MinValue;
    }
}
