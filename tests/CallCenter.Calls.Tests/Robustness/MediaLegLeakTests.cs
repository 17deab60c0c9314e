using CallCenter.Calls.Tests.Media.Support;
using CallCenter.Media.G711;
using CallCenter.Media.Transport;

namespace CallCenter.Calls.Tests.Robustness;

/// <summary>
/// Whatever state a leg is in when the call ends — never negotiated, refused, playing, bridged with audio flowing —
/// disposing it closes its sockets, returns its port pair to the pool and takes it off the media clock.
/// </summary>
public class MediaLegLeakTests
{
    private const int Ports = 30800;

    [Fact]
    public void Disposing_legs_in_every_state_returns_every_port_and_every_clock_subscription()
    {
        using var harness = new MediaEngineHarness(Ports);
        var (caller, agent, player) = (harness.Peer(), harness.Peer(), harness.Peer());
        var idle = harness.Open("idle");
        var refused = harness.Open("refused");
        Assert.False(refused.Media.AnswerOffer(PeerSdp.Offer(caller.Port, "18")).Accepted);
        var offered = harness.Open("offered");
        offered.Media.CreateOffer();
        var playing = harness.Answered(player, "8 101");
        playing.Media.Play([TestPrompts.Long.Key], interruptible: true);
        var callerLeg = harness.Answered(caller, "0 101");
        var agentLeg = harness.Open("agent");
        agentLeg.Media.CreateOffer();
        Assert.True(agentLeg.Media.AcceptAnswer(PeerSdp.Offer(agent.Port, "8 101"), out var error), error);
        callerLeg.Media.Bridge(agentLeg.Media);
        caller.SendAudioFrames(callerLeg.RtpEndPoint, 0, new byte[G711Frame.SamplesPerFrame * 3]);
        Eventually.True(() => agent.ReceivedCount > 0 && player.ReceivedCount > 0, "media flowing");
        TestLeg[] legs = [idle, refused, offered, playing, callerLeg, agentLeg];

        Assert.Equal(legs.Length, harness.Receiver.EndpointCount);
        Assert.Equal(legs.Length, harness.Ports.InUse);
        Assert.Equal(3, harness.Clock.SubscriberCount);

        foreach (var leg in legs)
        {
            leg.Media.Dispose();
            leg.Media.Dispose(); // a second dispose is harmless
        }

        AssertNothingLeft(harness);
        harness.AssertNothingThrew();
    }

    [Fact]
    public async Task Legs_disposed_while_both_peers_stream_into_a_bridge_leave_nothing_behind()
    {
        using var harness = new MediaEngineHarness(Ports);
        var (caller, agent) = (harness.Peer(), harness.Peer());
        var (callerLeg, agentLeg) = (harness.Answered(caller, "0 101"), harness.Answered(agent, "8 101"));
        callerLeg.Media.Bridge(agentLeg.Media);
        using var stop = new CancellationTokenSource();
        var streams = new[]
        {
            Task.Run(() => Stream(caller, callerLeg, 0, stop.Token)),
            Task.Run(() => Stream(agent, agentLeg, 8, stop.Token)),
        };
        Eventually.True(() => agent.ReceivedCount > 20 && caller.ReceivedCount > 20, "audio relayed both ways");

        callerLeg.Media.Dispose();
        agentLeg.Media.Dispose();
        await Task.Delay(50); // the peers keep sending into the closed ports for a moment
        stop.Cancel();
        await Task.WhenAll(streams);

        AssertNothingLeft(harness);
        harness.AssertNothingThrew();
    }

    [Fact]
    public void A_leg_negotiated_after_it_was_disposed_does_not_rejoin_the_clock()
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Open("late");
        leg.Media.Dispose();

        leg.Media.AnswerOffer(PeerSdp.Offer(peer.Port, "0 101"));

        AssertNothingLeft(harness);
    }

    [Fact]
    public void When_every_port_pair_is_taken_a_new_leg_is_refused_until_one_is_released()
    {
        using var harness = new MediaEngineHarness(Ports, configure: options => options.PortMax = Ports + 3);
        var first = harness.Open("first");
        harness.Open("second");

        Assert.Throws<RtpPortsExhaustedException>(() => harness.Open("third"));
        first.Media.Dispose();
        var third = harness.Open("third");

        Assert.Equal(2, harness.Receiver.EndpointCount);
        Assert.Equal(0, harness.Ports.Available);
        third.Media.Dispose();
    }

    private static void AssertNothingLeft(MediaEngineHarness harness)
    {
        Assert.Equal(0, harness.Receiver.EndpointCount);
        Assert.Equal(0, harness.Engine.ActiveLegs);
        Assert.Equal(0, harness.Ports.InUse);
        Assert.Equal(harness.Ports.Capacity, harness.Ports.Available);
        Assert.Equal(0, harness.Clock.SubscriberCount);
    }

    private static void Stream(RtpPeer peer, TestLeg leg, byte payloadType, CancellationToken stop)
    {
        var frame = new byte[G711Frame.SamplesPerFrame];
        while (!stop.IsCancellationRequested)
        {
            peer.SendAudio(leg.RtpEndPoint, payloadType, frame);
            Thread.Sleep(2);
        }
    }
}
