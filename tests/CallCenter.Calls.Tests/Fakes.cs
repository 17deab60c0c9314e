using System.Net;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Calls.Tests;

internal sealed class FakeCaller(string? offer = "v=0 caller-offer") : ICallerSignalling
{
    public List<string> Actions { get; } = [];
    public string CallId => "call-1";
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

    public void Play(IReadOnlyList<string> promptKeys, bool interruptible) => Actions.Add("play:" + string.Join("+", promptKeys));
    public void PlayRingback() => Actions.Add("ringback");
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
    public FakeMedia Agent => Created.Single(m => m.LegId.EndsWith("/agent"));
    public bool RefuseOffers { get; set; }
    public ICallMedia Create(string legId, Action<MediaEvent> onEvent)
    {
        var media = new FakeMedia(legId, onEvent) { RefuseOffer = RefuseOffers };
        Created.Add(media);
        return media;
    }
}

internal sealed class FakeDialer : IAgentDialer, IAgentLeg
{
    public Action<AgentLegEvent>? Events { get; private set; }
    public AgentTarget? Dialled { get; private set; }
    public List<string> Actions { get; } = [];
    public IAgentLeg Dial(AgentTarget target, string callerDescription, string offerSdp, Action<AgentLegEvent> onEvent)
    {
        Dialled = target;
        Events = onEvent;
        Actions.Add("invite:" + offerSdp);
        return this;
    }

    public void Cancel() => Actions.Add("cancel");
    public void Hangup() => Actions.Add("bye");
}

internal sealed class FakeSelector(bool hasAgent = true, int agentPort = 5070) : IAgentSelector
{
    public List<string> Released { get; } = [];
    public AgentTarget? Reserve(string callId) => hasAgent
        ? new AgentTarget("1001", "Agent", SipUri.Parse($"sip:1001@127.0.0.1:{agentPort}"), new SipRemote(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, agentPort)))
        : null;
    public void Release(string extension, string callId) => Released.Add(extension);
}
