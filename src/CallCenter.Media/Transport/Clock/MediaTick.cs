namespace CallCenter.Media.Transport.Clock;

/// <summary>One tick of the <see cref="MediaClock"/>.</summary>
/// <param name="Index">
/// Number of the tick's slot since the clock started (0, 1, 2…). Consecutive ticks differ by one unless ticks were
/// skipped, so a sender can advance its RTP timestamp by the difference times the samples per tick.
/// </param>
/// <param name="ScheduledTimestamp">When the tick was due, in <see cref="TimeProvider.GetTimestamp"/> ticks: start + Index × interval.</param>
/// <param name="Lateness">How late the tick started compared with when it was due.</param>
public readonly record struct MediaTick(long Index, long ScheduledTimestamp, TimeSpan Lateness);
