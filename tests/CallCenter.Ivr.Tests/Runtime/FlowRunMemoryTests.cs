using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;
using Xunit.Abstractions;

namespace CallCenter.Ivr.Tests.Runtime;

/// <summary>
/// Memory, not time: 10,000 concurrent calls must fit in well under 20 MB of flow state (under 2 KiB each) while
/// sharing the flow's few configured machines.
/// </summary>
public class FlowRunMemoryTests(ITestOutputHelper output)
{
    private const int Runs = 10_000;
    private const int BudgetPerRun = 2048;

    /// <summary>welcome → language menu → main menu → account (4 digits) → confirm menu, waiting.</summary>
    internal static FlowDefinition SteppingFlow() => new TestFlow("main")
        .Play("welcome", next: "language", interruptible: true, "welcome")
        .Menu("language", fallback: "english", keys: "1=english 2=filipino")
        .Set("english", "main-menu", ("language", "en"))
        .Set("filipino", "main-menu", ("language", "tl"))
        .Menu("main-menu", fallback: "bye", keys: "1=account 2=bye", prompts: ["main-menu"])
        .Collect("account", "account", next: "confirm", fallback: "bye", maxDigits: 4)
        .Menu("confirm", fallback: "bye", keys: "1=bye 2=account", prompts: ["confirm"])
        .Hangup("bye", "goodbye")
        .Build();

    /// <summary>Presses what the stepping flow asks for, leaving the run waiting in "confirm".</summary>
    internal static void Step(FlowRun run)
    {
        run.Start();
        run.OnPromptFinished(1);   // welcome ends
        run.OnDigit('1');          // language menu: English
        run.OnDigit('1');          // main menu: account
        run.OnDigit('4');
        run.OnDigit('2');
        run.OnDigit('1');
        run.OnDigit('7');          // four digits: accepted
    }

    [Fact]
    public void A_run_stepping_through_menus_keeps_under_2_KiB()
    {
        var flow = SteppingFlow();
        var runtime = new FlowRuntime(_ => null, (_, _) => false);
        var host = new SilentHost();
        const string caller = "+639171234567";
        const string dialled = "100";
        Step(runtime.CreateRun(flow, host, caller, dialled));   // machines and caches built before measuring
        var runs = new FlowRun[Runs];

        long before = GC.GetTotalMemory(forceFullCollection: true);
        for (int i = 0; i < runs.Length; i++)
        {
            runs[i] = runtime.CreateRun(flow, host, caller, dialled);
            Step(runs[i]);
        }

        long after = GC.GetTotalMemory(forceFullCollection: true);
        long perRun = (after - before) / Runs;
        output.WriteLine($"{perRun} bytes retained per run ({runs[0].Steps.Count} steps)");

        Assert.All(runs, run => Assert.Equal("confirm", run.NodeId));
        Assert.Equal("4217", runs[^1].Variables["account"]);
        Assert.InRange(perRun, 1, BudgetPerRun);
        GC.KeepAlive(runs);
    }

    [Fact]
    public void Stepping_allocates_only_a_few_KiB_per_key()
    {
        var flow = SteppingFlow();
        var runtime = new FlowRuntime(_ => null, (_, _) => false);
        var host = new SilentHost();
        Step(runtime.CreateRun(flow, host, "+631", "100"));
        var run = runtime.CreateRun(flow, host, "+631", "100");
        Step(run);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            run.OnDigit('2');      // confirm → account (re-enter)
            run.OnDigit('1');
            run.OnDigit('2');
            run.OnDigit('3');
            run.OnDigit('4');      // → confirm
        }

        long perKey = (GC.GetAllocatedBytesForCurrentThread() - before) / 500;
        output.WriteLine($"{perKey} bytes allocated per key");

        // Most of it is Stateless's own per-fire garbage (transition, argument array, boxed key); none of it is kept.
        Assert.InRange(perKey, 1, 4096);
    }

    /// <summary>A call that does nothing: only the run's own memory is measured.</summary>
    private sealed class SilentHost : IFlowHost
    {
        public TimeProvider Time => TimeProvider.System;

        public void Play(IReadOnlyList<string> promptKeys, bool interruptible, int generation)
        {
        }

        public void StopPlayback()
        {
        }

        public void StartTimer(TimeSpan delay, int generation)
        {
        }

        public void CancelTimer()
        {
        }

        public bool AgentsAvailable(string skill) => true;

        public void Queue(QueueRequest request)
        {
        }

        public void Transfer(string uri)
        {
        }

        public void Hangup()
        {
        }

        public bool RequestCallback(string number, string? queue) => false;

        public int CancelCallbacks() => 0;

        public bool CallbackPending() => false;
    }
}
