using System.Net;
using System.Text.RegularExpressions;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using CallCenter.Calls.Trunks;
using CallCenter.Routing;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Calls.Tests.Callbacks;

/// <summary>Routing as the callback tests see it: every event recorded in order, the contacts and their owners kept.</summary>
internal sealed class RecordingRouter : IQueueRouter
{
    public List<string> Events { get; } = [];

    public List<(WaitingContact Contact, IRoutedContact Owner)> Enqueued { get; } = [];

    public (WaitingContact Contact, IRoutedContact Owner) Last => Enqueued[^1];

    public void Enqueue(WaitingContact contact, IRoutedContact owner)
    {
        Enqueued.Add((contact, owner));
        Events.Add("enqueue " + contact.Id);
    }

    public void Answered(string contactId, string agentId) => Events.Add($"answered {contactId} {agentId}");

    public void NoAnswer(string contactId, string agentId) => Events.Add($"no-answer {contactId} {agentId}");

    public void Rejected(string contactId, string agentId) => Events.Add($"rejected {contactId} {agentId}");

    public void Abandoned(string contactId) => Events.Add("abandoned " + contactId);

    public void HandedOver(string contactId) => Events.Add("handed-over " + contactId);

    public void Ended(string contactId) => Events.Add("ended " + contactId);

    public void Transfer(string contactId, string queueId, IReadOnlyList<SkillRequirement>? requirements) => Events.Add("transfer " + contactId);

    public Task<WaitEstimate?> EstimateAsync(string contactId) => Task.FromResult<WaitEstimate?>(null);
}

/// <summary>A leg placed by a fake dialer: what was done to it, and a way to raise its events.</summary>
internal sealed class FakeLeg(string target, Action<AgentLegEvent> onEvent) : IAgentLeg
{
    public string Target { get; } = target;

    public List<string> Actions { get; } = [];

    public void Cancel() => Actions.Add("cancel");

    public void Hangup() => Actions.Add("bye");

    public void Raise(AgentLegEvent e) => onEvent(e);

    public void Answer() => Raise(new AgentLegEvent.Answered("v=0 answer"));
}

/// <summary>Rings agents: every leg kept in order.</summary>
internal sealed class FakeAgentPhones : IAgentDialer
{
    public List<FakeLeg> Legs { get; } = [];

    public List<string> CallerDescriptions { get; } = [];

    public FakeLeg Last => Legs[^1];

    public IAgentLeg Dial(AgentTarget target, string callerDescription, string offerSdp, Action<AgentLegEvent> onEvent)
    {
        var leg = new FakeLeg(target.Extension, onEvent);
        Legs.Add(leg);
        CallerDescriptions.Add(callerDescription);
        return leg;
    }
}

/// <summary>
/// The trunk: numbers in E.164 (+ and 8–15 digits) are kept, national Philippine numbers (0 and 9–10 digits) get +63,
/// anything else is refused.
/// </summary>
internal sealed partial class FakeTrunk : ITrunkDialer
{
    public List<FakeLeg> Legs { get; } = [];

    public FakeLeg Last => Legs[^1];

    public bool TryNormalize(string number, out string e164, out string error)
    {
        if (E164().IsMatch(number))
        {
            (e164, error) = (number, string.Empty);
            return true;
        }

        if (National().IsMatch(number))
        {
            (e164, error) = ("+63" + number[1..], string.Empty);
            return true;
        }

        (e164, error) = (string.Empty, "not a valid phone number");
        return false;
    }

    public IAgentLeg Dial(string e164, string offerSdp, Action<AgentLegEvent> onEvent)
    {
        var leg = new FakeLeg(e164, onEvent);
        Legs.Add(leg);
        return leg;
    }

    [GeneratedRegex(@"^\+[0-9]{8,15}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^0[0-9]{9,10}$")]
    private static partial Regex National();
}

/// <summary>Media of one leg: records plays, ringback, stops and the bridge; the test ends playbacks.</summary>
internal sealed class FakeLegMedia(string legId, Action<MediaEvent> onEvent) : ICallMedia
{
    private int _playbacks;

    public string LegId { get; } = legId;

    public List<string> Actions { get; } = [];

    public ICallMedia? BridgedTo { get; private set; }

    public bool Disposed { get; private set; }

    public int LastPlayback => _playbacks;

    public IReadOnlyList<string> LastPlayed { get; private set; } = [];

    public MediaNegotiation AnswerOffer(string offerSdp) => new("v=0 answer", 0, null);

    public string CreateOffer() => "v=0 offer " + LegId;

    public bool AcceptAnswer(string answerSdp, out string? error)
    {
        error = answerSdp.StartsWith("v=0", StringComparison.Ordinal) ? null : "not SDP";
        return error is null;
    }

    public int Play(IReadOnlyList<string> promptKeys, bool interruptible)
    {
        LastPlayed = [.. promptKeys];
        Actions.Add("play " + string.Join(' ', promptKeys));
        return ++_playbacks;
    }

    public void PlayRingback() => Actions.Add("ringback");

    public void PlayComfortNoise() => Actions.Add("comfort-noise");

    public void PlayLoop(string promptKey) => Actions.Add("loop " + promptKey);

    public void StopPlayback() => Actions.Add("stop");

    public void Bridge(ICallMedia other)
    {
        BridgedTo = other;
        Actions.Add("bridge");
    }

    public void FinishPlayback() => onEvent(new MediaEvent.PromptFinished(_playbacks));

    public void Dispose() => Disposed = true;
}

internal sealed class FakeLegMediaFactory : ICallMediaFactory
{
    public List<FakeLegMedia> Created { get; } = [];

    public FakeLegMedia Agent => Created.Last(m => m.LegId.EndsWith("/agent", StringComparison.Ordinal));

    public FakeLegMedia Customer => Created.Last(m => m.LegId.EndsWith("/customer", StringComparison.Ordinal));

    public ICallMedia Create(string legId, Action<MediaEvent> onEvent)
    {
        var media = new FakeLegMedia(legId, onEvent);
        Created.Add(media);
        return media;
    }
}

internal static class Agents
{
    public static AgentTarget Target(string extension) =>
        new(extension, "Agent " + extension, SipUri.Parse($"sip:{extension}@127.0.0.1:5070"), new SipRemote(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5070)));
}
