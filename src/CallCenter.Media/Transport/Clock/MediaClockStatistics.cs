namespace CallCenter.Media.Transport.Clock;

/// <summary>
/// Pacing figures of the <see cref="MediaClock"/> since it started or its statistics were last reset. Percentiles
/// have a resolution of 10 µs.
/// </summary>
/// <param name="Ticks">Ticks run.</param>
/// <param name="SkippedTicks">Ticks skipped because the clock had fallen too far behind.</param>
/// <param name="SubscriberFailures">Subscriber callbacks that threw.</param>
/// <param name="LatenessP50">Median delay between a tick's due time and its start.</param>
/// <param name="LatenessP99">99th percentile of that delay.</param>
/// <param name="LatenessMax">Largest delay.</param>
/// <param name="IntervalP1">1st percentile of the time between consecutive tick starts.</param>
/// <param name="IntervalP50">Median time between consecutive tick starts.</param>
/// <param name="IntervalP99">99th percentile of the time between consecutive tick starts.</param>
/// <param name="IntervalMin">Shortest time between consecutive tick starts.</param>
/// <param name="IntervalMax">Longest time between consecutive tick starts.</param>
public readonly record struct MediaClockStatistics(
    long Ticks,
    long SkippedTicks,
    long SubscriberFailures,
    TimeSpan LatenessP50,
    TimeSpan LatenessP99,
    TimeSpan LatenessMax,
    TimeSpan IntervalP1,
    TimeSpan IntervalP50,
    TimeSpan IntervalP99,
    TimeSpan IntervalMin,
    TimeSpan IntervalMax);
