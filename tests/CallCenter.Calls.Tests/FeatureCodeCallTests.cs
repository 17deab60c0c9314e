using CallCenter.Calls.Actor;
using CallCenter.Calls.FeatureCodes;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using CallCenter.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests;

/// <summary>
/// One agent's call to a feature code, with fake signalling, media and routing: answered, the change asked of
/// routing, the confirmation (or refusal) played, then hung up; the agent hanging up first, an unusable offer and a
/// stuck change end it cleanly too.
/// </summary>
public class FeatureCodeCallTests
{
    private static readonly FeatureCode Pause = new("*23", AgentStateCommand.Pause, "break", FeatureCodePrompts.Paused);

    private readonly FakeTimeProvider _time = new();
    private readonly FakeMediaFactory _media = new();
    private readonly StubCentre _centre = new();
    private readonly AgentLine _agent = new();
    private readonly List<FeatureCodeCall> _ended = [];

    private FakeMedia Media => _media.Created.Single();

    [Fact]
    public void TheCallIsAnsweredAndTheChangeAskedForAsTheAuthenticatedAgent()
    {
        var call = Start();

        Assert.Equal(["answer:v=0 answer"], _agent.Actions);
        Assert.Equal([("1001", AgentStateCommand.Pause, "break")], _centre.Requests);
        Assert.Empty(Media.Actions);
        Assert.Empty(_ended);
        GC.KeepAlive(call);
    }

    [Fact]
    public void AnAppliedChangeIsConfirmedThenTheServerHangsUp()
    {
        Start();
        _centre.Complete(applied: true);

        Assert.Equal(["play:" + FeatureCodePrompts.Paused], Media.Actions);
        Assert.False(Media.LastInterruptible);
        Assert.Equal(["answer:v=0 answer"], _agent.Actions);

        Media.FinishPlayback();

        Assert.Equal(["answer:v=0 answer", "bye"], _agent.Actions);
        Assert.True(Media.Disposed);
        Assert.Single(_ended);
    }

    [Fact]
    public void ARefusedChangeIsAnsweredWithCodeNotValidNow()
    {
        Start();
        _centre.Complete(applied: false);

        Assert.Equal(["play:" + FeatureCodePrompts.NotValidNow], Media.Actions);
        Media.FinishPlayback();
        Assert.Equal("bye", _agent.Actions[^1]);
    }

    [Fact]
    public void ARoutingFailureIsTreatedAsARefusal()
    {
        Start();
        _centre.Fail(new InvalidOperationException("router stopped"));

        Assert.Equal(["play:" + FeatureCodePrompts.NotValidNow], Media.Actions);
    }

    [Fact]
    public void TheEndOfAnOlderPlaybackDoesNotEndTheCall()
    {
        Start();
        Media.Raise(new MediaEvent.PromptFinished(99));

        Assert.DoesNotContain("bye", _agent.Actions);
        Assert.False(Media.Disposed);
    }

    [Fact]
    public void WhenTheAgentHangsUpFirstTheChangeStandsAndNothingIsPlayedOrSent()
    {
        var call = Start();
        call.OnHangup();
        _centre.Complete(applied: true);

        Assert.Equal(["answer:v=0 answer"], _agent.Actions);
        Assert.Empty(Media.Actions);
        Assert.True(Media.Disposed);
        Assert.Single(_ended);
        Assert.Single(_centre.Requests);
    }

    [Fact]
    public void AnUnusableOfferIsRefusedAndNoChangeIsAsked()
    {
        _media.RefuseOffers = true;
        Start();

        Assert.Equal(["reject:488:305 callcenter \"Incompatible media format\""], _agent.Actions);
        Assert.Empty(_centre.Requests);
        Assert.True(Media.Disposed);
        Assert.Single(_ended);
    }

    [Fact]
    public void AnInviteWithoutOfferGetsOursAndTheAnswerIsTakenFromTheAck()
    {
        _agent.Offer = null;
        var call = Start();
        call.OnAck("v=0 agent-answer");

        Assert.Equal(["answer:v=0 our-offer"], _agent.Actions);
        Assert.Equal(["v=0 agent-answer"], Media.AnswersTaken);
    }

    [Fact]
    public void ACallStillUnfinishedAtItsTimeLimitIsHungUp()
    {
        Start();
        _time.Advance(TimeSpan.FromSeconds(14));
        Assert.DoesNotContain("bye", _agent.Actions);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("bye", _agent.Actions[^1]);
        Assert.True(Media.Disposed);
        Assert.Single(_ended);
    }

    [Fact]
    public void MediaInactivityEndsTheCall()
    {
        Start();
        Media.Raise(new MediaEvent.Inactive());

        Assert.Equal("bye", _agent.Actions[^1]);
        Assert.Single(_ended);
    }

    [Fact]
    public void TheCallEndsOnceWhateverEndsItFirst()
    {
        var call = Start();
        _centre.Complete(applied: true);
        Media.FinishPlayback();
        call.OnHangup();
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Single(_ended);
        Assert.Single(_agent.Actions, "bye");
    }

    private FeatureCodeCall Start()
    {
        var call = new FeatureCodeCall(
            _agent, "1001", Pause, _centre, _media, TimeSpan.FromSeconds(15), _time, NullLogger.Instance, SerialExecutor.InlineDispatch, _ended.Add);
        call.Start();
        return call;
    }

    private sealed class AgentLine : ICallerSignalling
    {
        public List<string> Actions { get; } = [];
        public string CallId => "fc-1";
        public string? Caller => "1001";
        public string Dialled => "*23";
        public string? Offer { get; set; } = "v=0 agent-offer";
        public void Answer(string sdp) => Actions.Add("answer:" + sdp);
        public void Reject(int statusCode, string? warning = null) => Actions.Add($"reject:{statusCode}:{warning}");
        public void Hangup() => Actions.Add("bye");
    }

    /// <summary>Routing whose answer the test gives when it wants.</summary>
    private sealed class StubCentre : IContactCentre
    {
        private TaskCompletionSource<AgentStateChangeResult>? _pending;

        public List<(string, AgentStateCommand, string?)> Requests { get; } = [];

        public Task<IReadOnlyList<AgentStatus>> GetAgentsAsync() => throw new NotSupportedException();

        public Task<IReadOnlyList<QueueStatus>> GetQueuesAsync() => throw new NotSupportedException();

        public Task<AgentStateChangeResult> ChangeAgentStateAsync(string extension, AgentStateCommand command, string? reason)
        {
            Requests.Add((extension, command, reason));
            _pending = new TaskCompletionSource<AgentStateChangeResult>();
            return _pending.Task;
        }

        public void Complete(bool applied)
        {
            var agent = new AgentStatus("1001", "Ana", AgentState.Paused, "break", DateTimeOffset.UnixEpoch, new Dictionary<string, int>(), true, 0, null);
            _pending!.SetResult(new AgentStateChangeResult(agent, applied ? null : "agent is logged out"));
        }

        public void Fail(Exception e) => _pending!.SetException(e);
    }
}
