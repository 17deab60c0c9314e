using CallCenter.Calls.Tests.Media.Support;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests.Robustness;

/// <summary>
/// A leg whose peer stops sending RTP for the configured InactivityTimeout reports Inactive, once, so the call can hang
/// up on a phone that vanished without a BYE. Time is a fake clock (packets still cross real sockets); the timeout
/// counts only while RTP is expected: after negotiation, and not while the peer holds the call.
/// </summary>
public class MediaInactivityTests
{
    private const int Ports = 30700;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_negotiated_leg_that_gets_no_rtp_reports_inactive_once()
    {
        using var harness = Harness();
        var leg = harness.Answered(harness.Peer(), "0 101");

        _time.Advance(Timeout - TimeSpan.FromSeconds(1));
        Assert.Equal(0, leg.Events.Inactivity);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, leg.Events.Inactivity);
        _time.Advance(Timeout * 4);
        Assert.Equal(1, leg.Events.Inactivity);
    }

    [Fact]
    public void Rtp_from_the_peer_keeps_the_leg_alive_and_its_end_starts_the_count()
    {
        using var harness = Harness();
        var peer = harness.Peer();
        var leg = harness.Answered(peer, "0 101");

        _time.Advance(TimeSpan.FromSeconds(3));
        peer.SendDigits(leg.RtpEndPoint, 101, "1");
        leg.Events.WaitForDigits("1"); // the packets have been taken, at t = 3 s
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, leg.Events.Inactivity);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, leg.Events.Inactivity);
    }

    [Fact]
    public void A_leg_waiting_for_its_answer_is_not_timed_out_and_the_count_starts_with_the_answer()
    {
        using var harness = Harness();
        var agent = harness.Peer();
        var leg = harness.Open("agent");
        leg.Media.CreateOffer();

        // The agent's phone rings for longer than the timeout before it answers.
        _time.Advance(Timeout * 3);
        Assert.Equal(0, leg.Events.Inactivity);
        Assert.True(leg.Media.AcceptAnswer(PeerSdp.Offer(agent.Port, "0 101"), out var error), error);
        _time.Advance(Timeout - TimeSpan.FromSeconds(1));
        Assert.Equal(0, leg.Events.Inactivity);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, leg.Events.Inactivity);
    }

    [Theory]
    [InlineData("inactive")]
    [InlineData("sendonly")]
    [InlineData("recvonly")]
    public void A_peer_that_holds_the_call_or_only_receives_is_not_timed_out_until_it_resumes(string holdDirection)
    {
        using var harness = Harness();
        var peer = harness.Peer();
        var leg = harness.Answered(peer, "0 101", holdDirection);

        _time.Advance(Timeout * 3);
        Assert.Equal(0, leg.Events.Inactivity);
        Assert.True(leg.Media.AnswerOffer(PeerSdp.Offer(peer.Port, "0 101")).Accepted); // re-INVITE: off hold
        _time.Advance(Timeout);
        Assert.Equal(1, leg.Events.Inactivity);
    }

    private MediaEngineHarness Harness() => new(Ports, _time, options =>
    {
        options.InactivityTimeout = Timeout;
        options.InactivityCheckInterval = TimeSpan.FromSeconds(1);
    });
}
