using BenchmarkDotNet.Attributes;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;

namespace CallCenter.Bench.Ivr;

/// <summary>
/// Cost of one IVR step: a key pressed in a menu takes the call to the next node (rent the flow's shared state
/// machine, fire Digit, leave the menu and stop its prompt, enter the next menu, resolve and play its prompt,
/// log the steps, return the machine). Target: under 5 µs. Also the whole short call of
/// <see cref="BenchFlows.Stepping"/> (create, start, 7 events) for scale.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[SimpleJob(launchCount: IvrJob.Launches, warmupCount: IvrJob.Warmups, iterationCount: IvrJob.Iterations)]
public class FlowStepBenchmarks
{
    private readonly SilentCall _call = new();
    private FlowRuntime _runtime = null!;
    private FlowDefinition _pingPong = null!;
    private FlowDefinition _stepping = null!;
    private FlowRun _run = null!;

    /// <summary>Builds the flows and a run waiting in menu-a; checks a key really moves it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = new FlowRuntime(_ => null, (_, _) => false);
        _pingPong = BenchFlows.PingPong();
        _stepping = BenchFlows.Stepping();
        _run = _runtime.CreateRun(_pingPong, _call, "+639171234567", "100");
        _run.Start();
        _run.OnDigit('1');
        if (_run.NodeId != "menu-b")
        {
            throw new InvalidOperationException($"Key 1 in menu-a led to {_run.NodeId}, not menu-b.");
        }

        var call = _runtime.CreateRun(_stepping, _call, "+639171234567", "100");
        BenchFlows.StepThrough(call);
        if (call.NodeId != "confirm" || call.Variables["account"] != "4217")
        {
            throw new InvalidOperationException($"The stepping call ended in {call.NodeId}.");
        }
    }

    /// <summary>
    /// One key in a menu → the other menu. The run's step log fills to its cap (512) during warm-up, so the
    /// measured steps do not grow it; adding to the log is a few nanoseconds either way.
    /// </summary>
    [Benchmark]
    public string MenuKeyToNextNode()
    {
        _run.OnDigit('1');
        return _run.NodeId;
    }

    /// <summary>A whole short call: create the run, start, 7 events (play ends, 2 menu keys, 4 digits).</summary>
    [Benchmark]
    public FlowRun SteppingCall()
    {
        var run = _runtime.CreateRun(_stepping, _call, "+639171234567", "100");
        BenchFlows.StepThrough(run);
        return run;
    }
}
