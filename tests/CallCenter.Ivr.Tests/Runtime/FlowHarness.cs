using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Ivr.Tests.Runtime;

/// <summary>One call through a flow built in code: the runtime, a fake call and its clock.</summary>
internal sealed class FlowHarness
{
    /// <summary>Monday 2026-11-23 01:00 UTC = 09:00 in Manila (UTC+8, no daylight saving).</summary>
    public static readonly DateTimeOffset MondayNineManila = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    public FlowHarness(FlowDefinition flow, IEnumerable<FlowDefinition>? otherFlows = null, Func<string, string, bool>? promptExists = null, string caller = "+639171234567", string dialled = "100", DateTimeOffset? now = null)
    {
        var flows = new[] { flow }.Concat(otherFlows ?? []).ToDictionary(f => f.Name, StringComparer.Ordinal);
        Clock = new FakeTimeProvider(now ?? MondayNineManila);
        Host = new FakeFlowHost(Clock);
        Runtime = new FlowRuntime(name => flows.GetValueOrDefault(name), promptExists ?? ((_, _) => false));
        Run = Runtime.CreateRun(flow, Host, caller, dialled);
        Host.Run = Run;
    }

    public FakeTimeProvider Clock { get; }

    public FakeFlowHost Host { get; }

    public FlowRuntime Runtime { get; }

    public FlowRun Run { get; }

    /// <summary>Starts the run and returns the harness.</summary>
    public FlowHarness Started()
    {
        Run.Start();
        return this;
    }

    /// <summary>Presses each key of <paramref name="keys"/> in turn.</summary>
    public void Press(string keys)
    {
        foreach (char key in keys)
        {
            Run.OnDigit(key);
        }
    }

    public void Advance(double seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));

    public void FinishPrompt() => Host.FinishPrompt();

    public IEnumerable<FlowStep> StepsOf(FlowStepKind kind) => Run.Steps.Where(s => s.Kind == kind);
}
