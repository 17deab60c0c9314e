using CallCenter.Calls.Actor;
using CallCenter.Calls.Media;

namespace CallCenter.Calls.Legs;

/// <summary>
/// One party a call dials out to (the agent or transfer target of an inbound call, either side of a callback try): its
/// SIP leg, its media and the timer that limits its ringing, let go of together. Events reach the owner (on its executor)
/// only while they come from the side's current leg or media; those of a leg already let go of are settled by
/// <see cref="AbandonedLeg"/>, those of old media dropped.
/// </summary>
internal sealed class DialledSide(SerialExecutor executor)
{
    private ITimer? _ringTimer;

    /// <summary>The leg, from dialling until it fails, hangs up or is let go of.</summary>
    public IAgentLeg? Leg { get; private set; }

    /// <summary>The media, from dialling until the side is let go of.</summary>
    public ICallMedia? Media { get; private set; }

    /// <summary>Creates the side's media; its events go to <paramref name="onEvent"/> while it is the side's media.</summary>
    public ICallMedia OpenMedia(ICallMediaFactory factory, string legId, Action<MediaEvent> onEvent)
    {
        ICallMedia? media = null;
        media = factory.Create(legId, e => executor.Post(() =>
        {
            if (ReferenceEquals(media, Media))
            {
                onEvent(e);
            }
        }));
        Media = media;
        return media;
    }

    /// <summary>
    /// Places the side's leg with <paramref name="dial"/> (given the event sink the dialer reports to); its events go to
    /// <paramref name="onEvent"/> while it is the side's leg.
    /// </summary>
    public void Dial(Func<Action<AgentLegEvent>, IAgentLeg> dial, Action<AgentLegEvent> onEvent)
    {
        IAgentLeg? leg = null;
        leg = dial(e => executor.Post(() =>
        {
            if (ReferenceEquals(leg, Leg))
            {
                onEvent(e);
            }
            else
            {
                AbandonedLeg.Settle(leg!, e);
            }
        }));
        Leg = leg;
    }

    /// <summary>Calls <paramref name="onExpired"/> after <paramref name="limit"/> unless the leg rung now has been let go of by then.</summary>
    public void LimitRinging(TimeProvider time, TimeSpan limit, Action onExpired)
    {
        var leg = Leg;
        _ringTimer?.Dispose();
        _ringTimer = time.CreateTimer(
            _ => executor.Post(() =>
            {
                if (leg is not null && ReferenceEquals(leg, Leg))
                {
                    onExpired();
                }
            }),
            null,
            limit > TimeSpan.Zero ? limit : TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);
    }

    /// <summary>The leg answered: it may ring on no longer.</summary>
    public void StopRingTimer()
    {
        _ringTimer?.Dispose();
        _ringTimer = null;
    }

    /// <summary>The leg ended by itself (failed, hung up, session expired): nothing is left to cancel or hang up.</summary>
    public void LegEnded() => Leg = null;

    /// <summary>Lets go of everything: the ring timer stops, a leg still up is cancelled or hung up, the media is closed.</summary>
    public void Drop()
    {
        StopRingTimer();
        if (Leg is { } leg)
        {
            Leg = null;
            leg.Cancel();
            leg.Hangup();
        }

        Media?.Dispose();
        Media = null;
    }
}
