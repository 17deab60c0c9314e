using CallCenter.Calls.Actor;
using CallCenter.Calls.Callbacks;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests.Callbacks;

/// <summary>One side of a callback try: only its current leg and media reach the try; a leg let go of is settled.</summary>
public class DialledSideTests
{
    private readonly SerialExecutor _executor = new(SerialExecutor.InlineDispatch, e => throw e);
    private readonly FakeLegMediaFactory _media = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly List<string> _seen = [];
    private readonly DialledSide _side;
    private FakeLeg? _leg;

    public DialledSideTests() => _side = new DialledSide(_executor);

    [Fact]
    public void Events_of_the_current_leg_and_media_reach_the_try()
    {
        Dial();

        _leg!.Raise(new AgentLegEvent.Ringing(null));
        _media.Created[0].FinishPlayback();

        Assert.Equal(["leg Ringing", "media PromptFinished"], _seen);
    }

    [Fact]
    public void A_leg_let_go_of_has_a_late_answer_hung_up_and_session_changes_refused()
    {
        Dial();
        var leg = _leg!;
        _side.Drop();
        Assert.Equal(["cancel", "bye"], leg.Actions);
        MediaNegotiation? answer = null;
        string? offer = "unset";

        leg.Answer();
        leg.Raise(new AgentReOffered("v=0 hold", a => answer = a));
        leg.Raise(new AgentOfferRequested(o => offer = o));

        Assert.Empty(_seen);
        Assert.Equal(["cancel", "bye", "bye"], leg.Actions);
        Assert.Same(MediaNegotiation.NoSession, answer);
        Assert.Null(offer);
        Assert.True(_media.Created[0].Disposed);
    }

    [Fact]
    public void Media_let_go_of_is_silent()
    {
        Dial();
        var oldMedia = _media.Created[0];
        _side.Drop();

        oldMedia.FinishPlayback();

        Assert.Empty(_seen);
    }

    [Fact]
    public void The_ring_limit_fires_for_the_leg_still_rung_and_not_after_it_ended_or_answered()
    {
        Dial();
        _side.LimitRinging(_clock, TimeSpan.FromSeconds(15), () => _seen.Add("expired"));
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(["expired"], _seen);

        _seen.Clear();
        Dial();
        _side.LimitRinging(_clock, TimeSpan.FromSeconds(15), () => _seen.Add("expired"));
        _side.LegEnded();
        _clock.Advance(TimeSpan.FromSeconds(15));

        Dial();
        _side.LimitRinging(_clock, TimeSpan.FromSeconds(15), () => _seen.Add("expired"));
        _side.StopRingTimer();
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Empty(_seen);
    }

    [Fact]
    public void A_limit_already_past_fires_at_once()
    {
        Dial();

        _side.LimitRinging(_clock, TimeSpan.FromSeconds(-3), () => _seen.Add("expired"));
        _clock.Advance(TimeSpan.Zero);

        Assert.Equal(["expired"], _seen);
    }

    private void Dial()
    {
        _side.OpenMedia(_media, "contact-1/customer", e => _seen.Add("media " + e.GetType().Name));
        _side.Dial(onEvent => _leg = new FakeLeg("+639171234567", onEvent), e => _seen.Add("leg " + e.GetType().Name));
    }
}
