namespace CallCenter.RtpProbe;

/// <summary>The figures of a measurement window; deviations are |arrival gap − packet interval| in microseconds.</summary>
/// <param name="Counters">Datagram counts.</param>
/// <param name="Gaps">Gaps measured (between packets with consecutive sequence numbers of one stream).</param>
/// <param name="P50Microseconds">Median deviation.</param>
/// <param name="P99Microseconds">99th percentile deviation.</param>
/// <param name="P999Microseconds">99.9th percentile deviation.</param>
/// <param name="MaxMicroseconds">Largest deviation.</param>
/// <param name="WithinTolerance">Share of gaps (0–1) whose deviation is within the tolerance.</param>
/// <param name="StreamsOutOfTolerance">Streams with at least one gap outside the tolerance.</param>
/// <param name="Distribution">Share of gaps (0–1) per deviation band, in the order of <see cref="DistributionBandsMilliseconds"/>.</param>
public sealed record PacingSummary(
    PacingCounters Counters,
    long Gaps,
    long P50Microseconds,
    long P99Microseconds,
    long P999Microseconds,
    long MaxMicroseconds,
    double WithinTolerance,
    int StreamsOutOfTolerance,
    IReadOnlyList<double> Distribution)
{
    /// <summary>Upper ends of the deviation bands of <see cref="Distribution"/>; the last band is everything above 20 ms.</summary>
    public static readonly IReadOnlyList<int> DistributionBandsMilliseconds = [1, 2, 5, 10, 20];

    /// <summary>Lost packets as a share of the packets expected (received audio plus lost).</summary>
    public double LossRatio
    {
        get
        {
            long expected = Counters.Packets - Counters.WrongPayloadType + Counters.Lost;
            return expected <= 0 ? 0 : (double)Counters.Lost / expected;
        }
    }
}
