using CallCenter.Ivr.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Ivr.Tests.Runtime;

public class FlowRunLifecycleTests
{
    private static TestFlow MenuFlow() => new TestFlow("main")
        .Menu("menu", fallback: "bye", keys: "1=next 2=bye")
        .Play("next", next: "bye", interruptible: true, "next")
        .Hangup("bye", "goodbye");

    [Fact]
    public void Nothing_happens_before_start_and_a_second_start_does_nothing()
    {
        var h = new FlowHarness(MenuFlow().Build());
        Assert.Empty(h.Host.Plays);
        Assert.Equal("menu", h.Run.NodeId);

        h.Run.Start();
        h.Run.Start();

        Assert.Single(h.Host.Plays);
        Assert.Single(h.StepsOf(FlowStepKind.Entered));
    }

    [Fact]
    public void Caller_hang_up_ends_the_run_and_cancels_the_timer()
    {
        var h = new FlowHarness(MenuFlow().Build()).Started();
        h.FinishPrompt();
        Assert.True(h.Host.TimerRunning);

        h.Run.OnHangUp();

        Assert.False(h.Host.TimerRunning);
        Assert.Equal(FlowOutcome.CallerHungUp, h.Run.Outcome);
        Assert.True(h.Run.IsFinished);
        h.Advance(60);
        h.Press("1");
        Assert.Equal("menu", h.Run.NodeId);
        Assert.Equal("caller hung up", h.Run.Steps[^1].Detail);
    }

    [Fact]
    public void Caller_hang_up_during_goodbye_is_not_a_flow_hang_up()
    {
        var h = new FlowHarness(new TestFlow("main").Hangup("bye", "goodbye").Build()).Started();

        h.Run.OnHangUp();
        h.FinishPrompt();

        Assert.Equal(FlowOutcome.CallerHungUp, h.Run.Outcome);
        Assert.Equal(0, h.Host.Hangups);
    }

    [Fact]
    public void A_timer_from_an_earlier_wait_is_ignored()
    {
        var h = new FlowHarness(MenuFlow().Build()).Started();
        h.FinishPrompt();
        int staleTimer = h.Host.LastTimerGeneration;
        h.Press("1");                                 // leaves the menu: its timer is cancelled
        Assert.Equal("next", h.Run.NodeId);

        h.Run.OnTimeout(staleTimer);                  // the cancelled timer fires anyway

        Assert.Equal("next", h.Run.NodeId);
        Assert.Empty(h.StepsOf(FlowStepKind.Timeout));
    }

    [Fact]
    public void A_stale_timer_does_not_act_on_the_same_node_entered_again()
    {
        var flow = new TestFlow("main").Menu("menu", fallback: "bye", keys: "1=menu", retries: 0).Hangup("bye", "goodbye").Build();
        var h = new FlowHarness(flow).Started();
        h.FinishPrompt();
        int staleTimer = h.Host.LastTimerGeneration;
        h.Press("1");                                 // the menu again, prompt playing, no timer

        h.Run.OnTimeout(staleTimer);

        Assert.Equal("menu", h.Run.NodeId);
    }

    [Fact]
    public void A_prompt_finished_event_from_a_stopped_prompt_is_ignored()
    {
        var h = new FlowHarness(MenuFlow().Build()).Started();
        int menuPrompt = h.Host.LastPlay.Generation;
        h.Press("1");                                 // barge-in: menu prompt stopped, "next" prompt playing
        Assert.Equal("next", h.Run.NodeId);

        h.Run.OnPromptFinished(menuPrompt);           // the stopped prompt reports its end late

        Assert.Equal("next", h.Run.NodeId);
        h.FinishPrompt();
        Assert.Equal("bye", h.Run.NodeId);
    }

    [Fact]
    public void A_prompt_finished_event_while_nothing_plays_is_ignored()
    {
        var h = new FlowHarness(MenuFlow().Build()).Started();
        h.FinishPrompt();
        int generation = h.Host.LastPlay.Generation;

        h.Run.OnPromptFinished(generation);

        Assert.Single(h.Host.Timers);
    }

    [Fact]
    public void Characters_that_are_not_keypad_keys_are_ignored()
    {
        var h = new FlowHarness(MenuFlow().Build()).Started();
        h.FinishPrompt();

        h.Press("A\0x");

        Assert.Equal("menu", h.Run.NodeId);
        Assert.Empty(h.StepsOf(FlowStepKind.Key));
        Assert.Empty(h.StepsOf(FlowStepKind.Invalid));
    }

    [Fact]
    public void Steps_record_time_node_kind_and_detail_in_order()
    {
        var h = new FlowHarness(MenuFlow().Build()).Started();
        h.Advance(2);
        h.FinishPrompt();
        h.Advance(1);
        h.Press("1");

        var steps = h.Run.Steps.Select(s => (s.Node, s.Kind, s.Detail)).ToArray();
        Assert.Equal(
            [
                ("menu", FlowStepKind.Entered, null),
                ("menu", FlowStepKind.Prompt, "menu"),
                ("menu", FlowStepKind.Key, "1"),
                ("next", FlowStepKind.Entered, null),
                ("next", FlowStepKind.Prompt, "next"),
            ],
            steps);
        Assert.Equal(FlowHarness.MondayNineManila, h.Run.Steps[0].Time);
        Assert.Equal(FlowHarness.MondayNineManila.AddSeconds(3), h.Run.Steps[2].Time);
    }

    [Fact]
    public void The_step_log_is_bounded()
    {
        var flow = new TestFlow("main").Menu("menu", fallback: "menu", keys: "1=menu", retries: 0).Build();
        var h = new FlowHarness(flow).Started();

        for (int i = 0; i < 400; i++)
        {
            h.Press("1");
        }

        Assert.Equal(512, h.Run.Steps.Count);
        Assert.Equal((400 * 3) + 2 - 512, h.Run.StepsOmitted);
    }

    [Fact]
    public void Runs_share_the_flows_machines_instead_of_building_one_each()
    {
        var flow = MenuFlow().Build();
        var clock = new FakeTimeProvider();
        var runtime = new FlowRuntime(_ => null, (_, _) => false);
        for (int i = 0; i < 100; i++)
        {
            var host = new FakeFlowHost(clock);
            var run = runtime.CreateRun(flow, host, "+631", "100");
            host.Run = run;
            run.Start();
            run.OnDigit('1');
        }

        Assert.Equal(1, runtime.MachinesFor(flow).IdleCount);
    }

    [Fact]
    public void A_host_that_throws_does_not_break_the_shared_machine_for_other_calls()
    {
        var flow = MenuFlow().Build();
        var clock = new FakeTimeProvider();
        var runtime = new FlowRuntime(_ => null, (_, _) => false);
        var failing = new ThrowingHost(clock);
        var broken = runtime.CreateRun(flow, failing, "+631", "100");

        Assert.Throws<InvalidOperationException>(broken.Start);

        var host = new FakeFlowHost(clock);
        var run = runtime.CreateRun(flow, host, "+632", "100");
        host.Run = run;
        run.Start();
        run.OnDigit('2');
        Assert.Equal("bye", run.NodeId);
    }

    [Fact]
    public void Ignored_keys_are_logged_at_debug()
    {
        var logger = new ListLogger();
        var flow = new TestFlow("main").Play("welcome", next: "bye", interruptible: false, "welcome").Hangup("bye", "goodbye").Build();
        var clock = new FakeTimeProvider();
        var host = new FakeFlowHost(clock);
        var run = new FlowRuntime(_ => null, (_, _) => false, logger).CreateRun(flow, host, "+631", "100");
        host.Run = run;
        run.Start();

        run.OnDigit('5');

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Contains("Digit", entry.Message);
        Assert.Contains("welcome", entry.Message);
    }

    private sealed class ThrowingHost(TimeProvider clock) : IFlowHost
    {
        public TimeProvider Time => clock;

        public void Play(IReadOnlyList<string> promptKeys, bool interruptible, int generation) => throw new InvalidOperationException("media gone");

        public void StopPlayback()
        {
        }

        public void StartTimer(TimeSpan delay, int generation)
        {
        }

        public void CancelTimer()
        {
        }

        public bool AgentsAvailable(string skill) => false;

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

    private sealed class ListLogger : ILogger<FlowRuntime>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
