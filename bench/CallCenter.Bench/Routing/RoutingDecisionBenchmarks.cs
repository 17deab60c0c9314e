using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace CallCenter.Bench.Routing;

/// <summary>
/// Routing decision cost with every agent busy and ten waiting contacts per agent (100/1,000, 1,000/10,000 and
/// 10,000/100,000 agents/waiting), to show how it grows with size. BenchmarkDotNet times the steady-state cycle
/// (<see cref="RoutingBenchWorld.Cycle"/>: an agent frees up and takes the head of line, the offer is answered, a new
/// caller queues). [GlobalSetup] also times 200,000 single decisions of each kind with the Stopwatch and prints
/// their percentiles as "// Routing latency", because BenchmarkDotNet's percentiles are over iteration means, not single calls.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[MaxColumn]
[Config(typeof(RoutingBenchConfig))]
[SimpleJob(launchCount: RoutingJob.Launches, warmupCount: RoutingJob.Warmups, iterationCount: RoutingJob.Iterations)]
public class RoutingDecisionBenchmarks
{
    private RoutingBenchWorld _world = null!;

    /// <summary>Agents; waiting contacts are ten times as many.</summary>
    [Params(100, 1_000, 10_000)]
    public int Agents { get; set; }

    /// <summary>Builds the centre, warms it, and prints the per-decision latency percentiles.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _world = new RoutingBenchWorld(Agents);
        for (int i = 0; i < 20_000; i++)
        {
            _world.Cycle();
        }

        const int samples = 200_000;
        var freed = new long[samples];
        var arrived = new long[samples];
        for (int i = 0; i < samples; i++)
        {
            long start = Stopwatch.GetTimestamp();
            _world.EndOneCall();
            long middle = Stopwatch.GetTimestamp();
            _world.Arrive();
            freed[i] = middle - start;
            arrived[i] = Stopwatch.GetTimestamp() - middle;
        }

        Console.WriteLine($"// Routing latency {Agents:N0} agents x {Agents * 10:N0} waiting, agent frees up: {Percentiles(freed)}");
        Console.WriteLine($"// Routing latency {Agents:N0} agents x {Agents * 10:N0} waiting, contact arrives: {Percentiles(arrived)}");
    }

    /// <summary>One agent frees up and is offered the head of line; the offer is answered; one caller arrives and queues.</summary>
    [Benchmark]
    public void FreeUpAndArrive() => _world.Cycle();

    /// <summary>Adds BenchmarkDotNet's P95 column (it has no P99 field; over 15 iterations P99 would be the maximum anyway).</summary>
    private sealed class RoutingBenchConfig : ManualConfig
    {
        public RoutingBenchConfig() => AddColumn(StatisticColumn.P95);
    }

    private static string Percentiles(long[] ticks)
    {
        Array.Sort(ticks);
        string At(double p) => (ticks[(int)Math.Min(ticks.Length - 1, p * ticks.Length)] * 1e6 / Stopwatch.Frequency).ToString("F2", CultureInfo.InvariantCulture) + " µs";
        return $"p50 {At(0.5)}, p90 {At(0.9)}, p99 {At(0.99)}, p99.9 {At(0.999)}, max {At(1)} ({ticks.Length:N0} calls)";
    }
}
