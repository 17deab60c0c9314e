using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;

namespace CallCenter.Bench.Ivr;

/// <summary>
/// 10,000 concurrent calls in an IVR flow: each run is created and stepped through <see cref="BenchFlows.Stepping"/>
/// (7 events, 19 steps logged) and all stay alive, waiting in the last menu. The allocation column divided by
/// 10,000 is what a call allocates on its way (garbage included); the bytes still held per run (the target:
/// under 2 KiB) are measured once in [GlobalSetup] with full collections and printed as "IVR retained per run".
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class FlowMemoryBenchmarks
{
    /// <summary>Concurrent runs.</summary>
    public const int Runs = 10_000;

    private readonly SilentCall _call = new();
    private readonly FlowRun[] _runs = new FlowRun[Runs];
    private FlowRuntime _runtime = null!;
    private FlowDefinition _flow = null!;

    /// <summary>Builds the flow, warms the shared machines, and prints the bytes retained per run.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = new FlowRuntime(_ => null, (_, _) => false);
        _flow = BenchFlows.Stepping();
        BenchFlows.StepThrough(_runtime.CreateRun(_flow, _call, "+639171234567", "100"));

        long before = GC.GetTotalMemory(forceFullCollection: true);
        TenThousandConcurrentRuns();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// IVR retained per run: {(after - before) / (double)Runs:F0} bytes ({Runs:N0} runs, {_runs[0].Steps.Count} steps each, in node '{_runs[0].NodeId}')");
    }

    /// <summary>Creates and steps 10,000 runs, all kept alive until the next operation replaces them.</summary>
    [Benchmark(OperationsPerInvoke = Runs)]
    public FlowRun[] TenThousandConcurrentRuns()
    {
        for (int i = 0; i < _runs.Length; i++)
        {
            var run = _runtime.CreateRun(_flow, _call, "+639171234567", "100");
            BenchFlows.StepThrough(run);
            _runs[i] = run;
        }

        return _runs;
    }
}
