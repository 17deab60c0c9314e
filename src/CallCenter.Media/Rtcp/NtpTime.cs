namespace CallCenter.Media.Rtcp;

/// <summary>
/// The 64-bit NTP timestamp format used by SR packets (RFC 3550 §4: seconds since 1 January 1900 in the upper
/// 32 bits, fraction of a second in the lower 32) and its compact 32-bit middle part used by LSR and DLSR.
/// </summary>
public static class NtpTime
{
    private static readonly DateTimeOffset Epoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The NTP timestamp of <paramref name="time"/>; seconds wrap modulo 2^32 (era rollover in 2036).</summary>
    public static ulong FromDateTimeOffset(DateTimeOffset time)
    {
        long ticks = (time - Epoch).Ticks;
        long seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out long remainder);
        ulong fraction = (ulong)((UInt128)(ulong)remainder * (1UL << 32) / TimeSpan.TicksPerSecond);
        return ((ulong)(uint)seconds << 32) | fraction;
    }

    /// <summary>The middle 32 bits of an NTP timestamp, as carried in the LSR field (§6.4.1).</summary>
    public static uint ToCompact(ulong ntpTimestamp) => (uint)(ntpTimestamp >> 16);

    /// <summary>A delay in units of 1/65536 s, as carried in the DLSR field; saturates at the field's maximum.</summary>
    public static uint ToCompact(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return 0;
        }

        UInt128 units = (UInt128)(ulong)delay.Ticks * 65536 / TimeSpan.TicksPerSecond;
        return units > uint.MaxValue ? uint.MaxValue : (uint)units;
    }

    /// <summary>A duration given in compact units of 1/65536 s.</summary>
    public static TimeSpan FromCompact(uint compact) => TimeSpan.FromTicks((long)compact * TimeSpan.TicksPerSecond / 65536);

    /// <summary>
    /// Round-trip time from a report block (§6.4.1: arrival time minus LSR minus DLSR, all in compact units).
    /// Null when the block carries no LSR (no SR received yet) or the result would be negative.
    /// </summary>
    /// <param name="arrival">Compact NTP time at which the report block arrived.</param>
    /// <param name="lastSenderReport">The block's LSR field.</param>
    /// <param name="delaySinceLastSenderReport">The block's DLSR field.</param>
    public static TimeSpan? RoundTripTime(uint arrival, uint lastSenderReport, uint delaySinceLastSenderReport)
    {
        if (lastSenderReport == 0)
        {
            return null;
        }

        // Modular arithmetic: the compact clock wraps every 18 hours.
        int rtt = unchecked((int)(arrival - lastSenderReport - delaySinceLastSenderReport));
        return rtt < 0 ? null : FromCompact((uint)rtt);
    }
}
