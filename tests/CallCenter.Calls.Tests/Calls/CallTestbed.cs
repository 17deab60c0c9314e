using CallCenter.Calls.Actor;
using CallCenter.Ivr.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests.Calls;

/// <summary>
/// One inbound call with fake signalling, media, dialer and agents, a fake clock and inline dispatch: whatever a test
/// does to the call has happened when the method returns.
/// </summary>
internal sealed class CallTestbed
{
    public FakeCaller Caller { get; private set; } = new();

    public FakeMediaFactory Media { get; } = new();

    public FakeDialer Dialer { get; } = new();

    public FakeSelector Selector { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public CallOptions Options { get; } = new();

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
        var runtime = new FlowRuntime(_ => null, (language, _) => Languages.Contains(language));
        var services = new CallServices(Media, Dialer, Selector, runtime, Time, Options, Log, Ended.Add);
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

    public void Press(char key) => CallerMedia.Raise(new CallCenter.Calls.Media.MediaEvent.Digit(key, "rfc4733"));
}
