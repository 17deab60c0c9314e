namespace CallCenter.Media.Transport;

/// <summary>Conversions between <see cref="TimeSpan"/> and <see cref="TimeProvider.GetTimestamp"/> ticks.</summary>
internal static class TimestampTicks
{
    /// <summary><paramref name="duration"/> in ticks of <paramref name="frequency"/> per second (no overflow for any TimeSpan).</summary>
    public static long FromTimeSpan(TimeSpan duration, long frequency) =>
        (long)((Int128)duration.Ticks * frequency / TimeSpan.TicksPerSecond);
}
