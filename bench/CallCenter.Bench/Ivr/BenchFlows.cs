using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;

namespace CallCenter.Bench.Ivr;

/// <summary>The flows and the do-nothing call the IVR benchmarks run (built in code, so no loader is timed).</summary>
internal static class BenchFlows
{
    private static readonly FlowPosition At = FlowPosition.File;

    /// <summary>Two menus whose key 1 leads to each other: every key is a full step (leave, enter, play).</summary>
    public static FlowDefinition PingPong() => Flow(
        "ping-pong",
        Menu("menu-a", ["menu-a"], ('1', "menu-b"), ('2', "bye")),
        Menu("menu-b", ["menu-b"], ('1', "menu-a"), ('2', "bye")),
        new HangupNode("bye", At, Prompts("goodbye")));

    /// <summary>welcome → language menu → set → main menu → account (4 digits) → confirm menu.</summary>
    public static FlowDefinition Stepping() => Flow(
        "stepping",
        new PlayNode("welcome", At, Prompts("welcome"), true, To("language")),
        Menu("language", ["choose-language"], ('1', "english"), ('2', "filipino")),
        new SetNode("english", At, [new VariableAssignment("language", "en", At)], To("main-menu")),
        new SetNode("filipino", At, [new VariableAssignment("language", "tl", At)], To("main-menu")),
        Menu("main-menu", ["main-menu"], ('1', "account"), ('2', "bye")),
        new CollectNode("account", At, Prompts("enter-account"), "account", 1, 4, '#', TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(4),
            null, 2, Prompts("no-input"), Prompts("invalid-choice"), To("confirm"), To("bye")),
        Menu("confirm", ["confirm"], ('1', "bye"), ('2', "account")),
        new HangupNode("bye", At, Prompts("goodbye")));

    /// <summary>The events of one caller through <see cref="Stepping"/>, ending in "confirm".</summary>
    public static void StepThrough(FlowRun run)
    {
        run.Start();
        run.OnPromptFinished(1);
        run.OnDigit('1');
        run.OnDigit('1');
        run.OnDigit('4');
        run.OnDigit('2');
        run.OnDigit('1');
        run.OnDigit('7');
    }

    private static FlowDefinition Flow(string name, params FlowNode[] nodes) =>
        new(name, name + ".yaml", "benchmark", "en", nodes[0].Id, nodes, new Dictionary<string, BusinessCalendar>());

    private static MenuNode Menu(string id, string[] prompts, params (char Key, string Target)[] keys) =>
        new(id, At, Prompts(prompts), [.. keys.Select(k => new MenuChoice(k.Key, To(k.Target)))], TimeSpan.FromSeconds(5), 2,
            Prompts("no-input"), Prompts("invalid-choice"), To("bye"));

    private static PromptList Prompts(params string[] names) => new(names, At);

    private static NodeRef To(string id) => new(id, At);
}

/// <summary>A call that does nothing, so only the flow runtime is measured.</summary>
internal sealed class SilentCall : IFlowHost
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
