using CallCenter.Calls.Actor;
using CallCenter.Calls.Routing;
using CallCenter.Calls.Tests.Routing;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests.Calls;

/// <summary>
/// One inbound call with fake signalling, media and dialer, the real router (agent 1001, registered, speaking English and
/// Tagalog with billing and sales skills; no queues configured, so every call waits in the default queue), a fake clock and
/// inline dispatch: whatever a test does to the call has happened when the method returns.
/// </summary>
internal sealed class CallTestbed
{
    private RoutingTestKit? _routing;

    public FakeCaller Caller { get; private set; } = new();

    public FakeMediaFactory Media { get; } = new();

    public FakeDialer Dialer { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public CallOptions Options { get; } = new();

    /// <summary>Routing settings; change them before the first call (the router is built then).</summary>
    public RoutingOptions RoutingOptions { get; } = new();

    /// <summary>The agents the router knows (before the first call).</summary>
    public List<CallCenter.Config.AgentConfig> Agents { get; } =
        [RoutingTestKit.Agent("1001", ("billing", 8), ("sales", 5), ("lang-en", 7), ("lang-tl", 9))];

    /// <summary>The queues of the contact-centre file (before the first call); none by default.</summary>
    public List<CallCenter.Config.QueueConfig> Queues { get; } = [];

    /// <summary>Flows by name besides the call's own (e.g. <c>callback-offer</c>).</summary>
    public Dictionary<string, FlowDefinition> Flows { get; } = new(StringComparer.Ordinal);

    /// <summary>The router, its bindings and its observer; built on first use with every agent registered.</summary>
    public RoutingTestKit Routing => _routing ??= CreateRouting();

    public List<InboundCall> Ended { get; } = [];

    /// <summary>What the call logged, at every level.</summary>
    public RecordingLogger Log { get; } = new();

    /// <summary>The prompt languages the runtime believes recorded (English always).</summary>
    public HashSet<string> Languages { get; } = new(StringComparer.Ordinal) { "en" };

    /// <summary>The caller's media leg.</summary>
    public FakeMedia CallerMedia => Media.Caller;

    /// <summary>A call to <paramref name="flowYaml"/>, answered (its INVITE had an offer) but not yet acknowledged.</summary>
    public InboundCall Offered(string flowYaml = TestFlows.AgentLine, FakeCaller? caller = null)
    {
        Caller = caller ?? Caller;
        Func<string, FlowDefinition?> findFlow = name => Flows.GetValueOrDefault(name);
        var runtime = new FlowRuntime(findFlow, (language, _) => Languages.Contains(language));
        var services = new CallServices(Media, Dialer, Routing.Router, Routing.Router, runtime, findFlow, Time, Options, Log, Ended.Add);
        var call = new InboundCall(Caller, TestFlows.Load(flowYaml), services, SerialExecutor.InlineDispatch);
        call.Start();
        return call;
    }

    /// <summary>A call to <paramref name="flowYaml"/>, acknowledged: its flow has started.</summary>
    public InboundCall InFlow(string flowYaml = TestFlows.AgentLine)
    {
        var call = Offered(flowYaml);
        call.OnAck(null);
        return call;
    }

    /// <summary>An agent-line call whose caller pressed 1 and whose agent answered.</summary>
    public InboundCall Connected()
    {
        var call = InFlow();
        Press('1');
        Dialer.Events!(new Legs.AgentLegEvent.Answered("v=0 agent-answer"));
        Assert.Equal(CallState.Connected, call.State);
        return call;
    }

    /// <summary>The caller presses <paramref name="keys"/> by RFC 4733.</summary>
    public void Press(string keys)
    {
        foreach (var key in keys)
        {
            Press(key);
        }
    }

    private RoutingTestKit CreateRouting()
    {
        var kit = new RoutingTestKit(Time, Agents, Queues, RoutingOptions, Options);
        foreach (var agent in Agents)
        {
            kit.Register(agent.Extension);
        }

        return kit;
    }

    public void Press(char key) => CallerMedia.Raise(new CallCenter.Calls.Media.MediaEvent.Digit(key, "rfc4733"));
}
