using CallCenter.Calls.Tests.Media.Support;
using CallCenter.Media.G711;
using CallCenter.Media.Transport;

namespace CallCenter.Calls.Tests.Robustness;

/// <summary>
/// A third party that learns a leg's port and floods it — well-formed RTP in sequence under one SSRC, key presses
/// included — from an address the stream is not latched to reaches neither the call nor the bridged party, and cannot
/// take the latch over while the real peer is talking (symmetric RTP, RFC 4961): our audio keeps going to the peer.
/// </summary>
public class RtpFloodTests
{
    private const int Ports = 30600;
    private const int FloodPackets = 1000;

    /// <summary>
    /// Big enough for the whole flood, so that the kernel drops none of it and every packet really meets the latch (with the
    /// default buffer most of a burst this fast is dropped before the leg sees it, along with the peer's packets behind it).
    /// </summary>
    private static void LargeBuffers(MediaTransportOptions options) => options.SocketReceiveBufferBytes = 4 << 20;

    [Fact]
    public void A_flood_from_an_unknown_address_neither_reaches_the_call_nor_steals_the_latch()
    {
        using var harness = new MediaEngineHarness(Ports, configure: LargeBuffers);
        var (peer, attacker) = (harness.Peer(), harness.Peer());
        var leg = harness.Answered(peer, "0 101");
        peer.SendDigits(leg.RtpEndPoint, 101, "1");
        leg.Events.WaitForDigits("1"); // the stream is now latched to the peer

        Flood(attacker, leg);
        Eventually.True(() => leg.Media.TransportCounters.RtpFromOtherSources == attacker.Sent, "every flood packet refused as from another source");
        var afterFlood = peer.ReceivedCount;
        peer.SendDigits(leg.RtpEndPoint, 101, "3");
        leg.Events.WaitForDigits("13");
        peer.WaitForMore(10);

        Assert.Equal("13", leg.Events.Digits);
        Assert.Equal(0, attacker.ReceivedCount);
        RtpStreamAssert.Continuous(peer.Received, payloadType: 0);
        Assert.True(peer.ReceivedCount > afterFlood);
        Assert.Equal(1, leg.Media.TransportCounters.Latches);
        harness.AssertNothingThrew();
    }

    [Fact]
    public void A_flood_into_a_bridged_leg_is_not_relayed_to_the_other_party()
    {
        using var harness = new MediaEngineHarness(Ports, configure: LargeBuffers);
        var (caller, agent, attacker) = (harness.Peer(), harness.Peer(), harness.Peer());
        var (callerLeg, agentLeg) = (harness.Answered(caller, "0 101"), harness.Answered(agent, "8 101"));
        caller.SendDigits(callerLeg.RtpEndPoint, 101, "1");
        callerLeg.Events.WaitForDigits("1");
        agent.WaitForMore(1);
        callerLeg.Media.Bridge(agentLeg.Media);
        var before = agent.ReceivedCount;

        Flood(attacker, callerLeg);
        Eventually.True(() => callerLeg.Media.TransportCounters.RtpFromOtherSources == attacker.Sent, "every flood packet refused");
        var speech = new byte[G711Frame.SamplesPerFrame];
        new Random(9).NextBytes(speech);
        caller.SendAudio(callerLeg.RtpEndPoint, 0, speech);
        var expected = new byte[speech.Length];
        G711Transcoder.MuLawToALaw(speech, expected);
        Eventually.True(() => RtpStreamAssert.IndexOfFrame(agent.Received, expected, before) >= 0, "the caller's frame at the agent");

        // Only the real caller's frame crossed the bridge, possibly behind the agent leg's last silence frame.
        Assert.InRange(agent.ReceivedCount - before, 1, 2);
        Assert.Equal("1", callerLeg.Events.Digits);
        Assert.Equal(0, attacker.ReceivedCount);
        harness.AssertNothingThrew();
    }

    [Fact]
    public void A_flood_of_dtmf_tones_does_not_reach_a_leg_that_detects_keys_in_band()
    {
        using var harness = new MediaEngineHarness(Ports, configure: LargeBuffers);
        var (peer, attacker) = (harness.Peer(), harness.Peer());
        var leg = harness.Answered(peer, "0");
        peer.SendAudioFrames(leg.RtpEndPoint, 0, TestPrompts.DtmfTone('2', G711Law.MuLaw));
        leg.Events.WaitForDigits("2");

        for (var i = 0; i < 20; i++)
        {
            attacker.SendAudioFrames(leg.RtpEndPoint, 0, TestPrompts.DtmfTone('9', G711Law.MuLaw));
        }

        Eventually.True(() => leg.Media.TransportCounters.RtpFromOtherSources == attacker.Sent, "every tone packet refused");

        peer.SendAudioFrames(leg.RtpEndPoint, 0, TestPrompts.DtmfTone('4', G711Law.MuLaw));
        leg.Events.WaitForDigits("24");

        Assert.Equal("24", leg.Events.Digits);
        Assert.Equal(0, attacker.ReceivedCount);
    }

    /// <summary>Well-formed PCMU in sequence under one SSRC, with RFC 4733 presses of 9 mixed in.</summary>
    private static void Flood(RtpPeer attacker, TestLeg leg)
    {
        var noise = new byte[G711Frame.SamplesPerFrame];
        new Random(3).NextBytes(noise);
        for (var i = 0; i < FloodPackets; i++)
        {
            if (i % 100 == 0)
            {
                attacker.SendDigits(leg.RtpEndPoint, 101, "9");
            }
            else
            {
                attacker.SendAudio(leg.RtpEndPoint, 0, noise);
            }
        }
    }
}
