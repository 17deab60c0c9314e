using System.Net;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Calls.Tests;

internal sealed class FakeCaller(string? offer = "v=0 caller-offer", string callId = "call-1") : ICallerSignalling
{
    public List<string> Actions { get; } = [];
    public string CallId => callId;
    public string? Caller => "0917";
    public string Dialled => "100";
    public string? Offer => offer;
    public void Answer(string sdp) => Actions.Add("answer:" + sdp);
    public void Reject(int statusCode, string? warning = null) => Actions.Add($"reject:{statusCode}:{warning}");
    public void Hangup() => Actions.Add("bye");
}

internal sealed class FakeMedia(string legId, Action<MediaEvent> onEvent) : ICallMedia
{
    public string LegId => legId;
    public List<string> Actions { get; } = [];
    public bool RefuseOffer { get; set; }
    public bool Disposed { get; private set; }
    public ICallMedia? BridgedTo { get; private set; }

    /// <summary>Every offer this leg negotiated (AnswerOffer), in order.</summary>
    public List<string> OffersAnswered { get; } = [];

    /// <summary>Every answer this leg was given to an offer of ours (AcceptAnswer), in order.</summary>
    public List<string> AnswersTaken { get; } = [];

    /// <summary>How many offers this leg made (CreateOffer).</summary>
    public int OffersMade { get; private set; }

    /// <summary>The answer to an offer; "v=0 answer" unless a test sets its own.</summary>
    public Func<string, string> Answerer { get; set; } = _ => "v=0 answer";

    public void Raise(MediaEvent e) => onEvent(e);
    public MediaNegotiation AnswerOffer(string offerSdp)
    {
        OffersAnswered.Add(offerSdp);
        return RefuseOffer ? new MediaNegotiation(null, 488, "305 callcenter \"Incompatible media format\"") : new MediaNegotiation(Answerer(offerSdp), 0, null);
    }

    public string CreateOffer()
    {
        OffersMade++;
        return "v=0 our-offer";
    }

    public bool AcceptAnswer(string answerSdp, out string? error)
    {
        AnswersTaken.Add(answerSdp);
        error = answerSdp.Contains("bad") ? "no common codec" : null;
        return error is null;
    }

    /// <summary>The number of the last playback started (0 before any).</summary>
    public int LastPlayback { get; private set; }

    /// <summary>Whether the last playback may be cut short by a key.</summary>
    public bool LastInterruptible { get; private set; }

    public int Play(IReadOnlyList<string> promptKeys, bool interruptible)
    {
        Actions.Add("play:" + string.Join("+", promptKeys));
        LastInterruptible = interruptible;
        return ++LastPlayback;
    }

    /// <summary>The last playback ran to its end.</summary>
    public void FinishPlayback() => onEvent(new MediaEvent.PromptFinished(LastPlayback));

    /// <summary>The last action that played prompts, without the "play:" prefix.</summary>
    public string? LastPlayed => Actions.LastOrDefault(a => a.StartsWith("play:", StringComparison.Ordinal))?["play:".Length..];
    public void PlayRingback() => Actions.Add("ringback");
    public void PlayComfortNoise() => Actions.Add("comfort-noise");

    public void PlayLoop(string promptKey) => Actions.Add("loop " + promptKey);
    public void StopPlayback() => Actions.Add("stop");
    public void Bridge(ICallMedia other)
    {
        BridgedTo = other;
        Actions.Add("bridge");
    }

    public void Dispose() => Disposed = true;
}

internal sealed class FakeMediaFactory : ICallMediaFactory
{
    public List<FakeMedia> Created { get; } = [];
    public FakeMedia Caller => Created.Single(m => m.LegId.EndsWith("/caller"));

    /// <summary>The media of the latest outbound leg (one per agent or transfer attempt).</summary>
    public FakeMedia Agent => Created.Last(m => m.LegId.EndsWith("/agent"));

    public IEnumerable<FakeMedia> Agents => Created.Where(m => m.LegId.EndsWith("/agent"));
    public bool RefuseOffers { get; set; }
    public ICallMedia Create(string legId, Action<MediaEvent> onEvent)
    {
        var media = new FakeMedia(legId, onEvent) { RefuseOffer = RefuseOffers };
        Created.Add(media);
        return media;
    }
}

/// <summary>Records every leg dialled; each leg is its own object, as real legs are.</summary>
internal sealed class FakeDialer : IAgentDialer
{
    public List<FakeAgentLeg> Legs { get; } = [];

    /// <summary>Raises events of the latest leg.</summary>
    public Action<AgentLegEvent>? Events => Legs.LastOrDefault()?.Events;

    public AgentTarget? Dialled => Legs.LastOrDefault()?.Target;
    public IEnumerable<AgentTarget> AllDialled => Legs.Select(l => l.Target);

    /// <summary>What was done to every leg, in order.</summary>
    public List<string> Actions { get; } = [];

    public IAgentLeg Dial(AgentTarget target, string callerDescription, string offerSdp, Action<AgentLegEvent> onEvent)
    {
        var leg = new FakeAgentLeg(this, target, onEvent);
        Legs.Add(leg);
        Actions.Add("invite:" + offerSdp);
        return leg;
    }
}

internal sealed class FakeAgentLeg(FakeDialer dialer, AgentTarget target, Action<AgentLegEvent> onEvent) : IAgentLeg
{
    public AgentTarget Target => target;
    public Action<AgentLegEvent> Events => onEvent;
    public List<string> Actions { get; } = [];

    public void Cancel() => Record("cancel");
    public void Hangup() => Record("bye");

    private void Record(string action)
    {
        Actions.Add(action);
        dialer.Actions.Add(action);
    }
}
