namespace CallCenter.Media.Transport.Clock;

/// <summary>Settings of the <see cref="MediaClock"/>.</summary>
public sealed class MediaClockOptions
{
    /// <summary>Time between ticks: the packetisation interval (RFC 3551 §4.5: 20 ms default for G.711).</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Ticks the clock runs back to back to catch up after falling behind (a long GC pause, a stalled machine).
    /// Further behind than this, the missed ticks are skipped and counted: a burst of many packets per call would
    /// only overflow the receivers' jitter buffers.
    /// </summary>
    public int MaxCatchUpTicks { get; set; } = 5;

    /// <summary>Scheduling priority of the clock thread; see <see cref="MediaClockPriority"/>.</summary>
    public MediaClockPriority Priority { get; set; } = MediaClockPriority.Realtime;

    /// <summary>Throws <see cref="ArgumentException"/> describing the first invalid setting.</summary>
    public void Validate()
    {
        if (TickInterval < TimeSpan.FromMilliseconds(1) || TickInterval > TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"MediaClock TickInterval must be 1 ms to 1 s (got {TickInterval}).");
        }

        if (!Enum.IsDefined(Priority))
        {
            throw new ArgumentException($"MediaClock Priority {Priority} is not a known value.");
        }

        if (MaxCatchUpTicks < 0)
        {
            throw new ArgumentException($"MediaClock MaxCatchUpTicks must not be negative (got {MaxCatchUpTicks}).");
        }
    }
}
