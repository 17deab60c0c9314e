namespace CallCenter.Bench.Ivr;

/// <summary>
/// The short fixed job of the IVR step benchmarks, in the style of <see cref="SipJob"/>: on the shared 2-core
/// machine one process of 5 warm-up and 15 measured iterations gives a stable median in well under a minute per
/// benchmark.
/// </summary>
public static class IvrJob
{
    /// <summary>Benchmark processes per benchmark.</summary>
    public const int Launches = 1;

    /// <summary>Warm-up iterations per process.</summary>
    public const int Warmups = 5;

    /// <summary>Measured iterations per process.</summary>
    public const int Iterations = 15;
}
