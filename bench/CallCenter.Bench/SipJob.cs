namespace CallCenter.Bench;

/// <summary>
/// The fixed job shared by the SIP message benchmarks. BenchmarkDotNet's default job keeps adding
/// iterations (up to 100) while the machine is noisy, which on a shared 2-core box pushed the whole run
/// past ten minutes; two processes of 15 measured iterations (each about 0.5 s of calls) give a stable
/// median within the budget, and the second process guards against one unlucky JIT or GC layout.
/// </summary>
public static class SipJob
{
    /// <summary>Separate benchmark processes per benchmark.</summary>
    public const int Launches = 2;

    /// <summary>Warm-up iterations per process.</summary>
    public const int Warmups = 5;

    /// <summary>Measured iterations per process.</summary>
    public const int Iterations = 15;
}
