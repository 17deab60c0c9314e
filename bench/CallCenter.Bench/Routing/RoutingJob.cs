namespace CallCenter.Bench.Routing;

/// <summary>
/// The short fixed job of the routing benchmark, in the style of <see cref="SipJob"/>: one process of 5 warm-up
/// and 15 measured iterations per size. Building the 10,000-agent centre (110,000 contacts) takes a few seconds of
/// the process's time, so more launches would mostly repeat the setup.
/// </summary>
public static class RoutingJob
{
    /// <summary>Benchmark processes per size.</summary>
    public const int Launches = 1;

    /// <summary>Warm-up iterations per process.</summary>
    public const int Warmups = 5;

    /// <summary>Measured iterations per process.</summary>
    public const int Iterations = 15;
}
