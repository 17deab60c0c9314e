using CallCenter.Calls.Tests.Media.Support;
using CallCenter.Media.G711;

namespace CallCenter.Calls.Tests.Media;

/// <summary>
/// Two bridged legs relay each other's audio as it arrives: transcoded between PCMU and PCMA, and re-stamped as each
/// leg's own RTP stream (its SSRC, sequence and timestamps carry on from what it sent before), RFC 3550 §7 (a translator).
/// </summary>
public class RtpCallMediaBridgeTests
{
    private const int Ports = 30200;

    [Fact]
    public void Audio_is_transcoded_both_ways_between_a_pcmu_and_a_pcma_leg_each_with_its_own_stream()
    {
        using var harness = new MediaEngineHarness(Ports);
        var (caller, agent) = (harness.Peer(), harness.Peer());
        var (callerLeg, agentLeg) = (harness.Answered(caller, "0 101"), harness.Answered(agent, "8 101"));
        caller.WaitForMore(2);
        agent.WaitForMore(2);

        callerLeg.Media.Bridge(agentLeg.Media);
        var agentBefore = agent.ReceivedCount;
        var callerBefore = caller.ReceivedCount;
        var speech = Speech(frames: 25, seed: 11);
        caller.SendAudioFrames(callerLeg.RtpEndPoint, 0, speech);
        var reply = Speech(frames: 25, seed: 12);
        agent.SendAudioFrames(agentLeg.RtpEndPoint, 8, reply);
        // A frame the clock sent just before the bridge may still be in flight when the counts are read: wait for the
        // relayed frames themselves rather than for a count.
        var toAgent = Split(Convert(speech, G711Law.MuLaw, G711Law.ALaw));
        var toCaller = Split(Convert(reply, G711Law.ALaw, G711Law.MuLaw));
        Eventually.True(
            () => RtpStreamAssert.IndexOfFrames(agent.Received, toAgent, agentBefore) >= 0 && RtpStreamAssert.IndexOfFrames(caller.Received, toCaller, callerBefore) >= 0,
            "25 relayed frames each way");

        AssertRelayed(agent.Received, agentBefore, Convert(speech, G711Law.MuLaw, G711Law.ALaw), payloadType: 8, notSsrc: caller.Ssrc);
        AssertRelayed(caller.Received, callerBefore, Convert(reply, G711Law.ALaw, G711Law.MuLaw), payloadType: 0, notSsrc: agent.Ssrc);
        harness.AssertNothingThrew();
    }

    [Fact]
    public void Legs_with_the_same_codec_relay_the_payload_unchanged_under_their_own_ssrc()
    {
        using var harness = new MediaEngineHarness(Ports);
        var (caller, agent) = (harness.Peer(), harness.Peer());
        var (callerLeg, agentLeg) = (harness.Answered(caller, "0 101"), harness.Answered(agent, "0"));
        agent.WaitForMore(2);

        agentLeg.Media.Bridge(callerLeg.Media);
        var before = agent.ReceivedCount;
        var speech = Speech(frames: 5, seed: 13);
        caller.SendAudioFrames(callerLeg.RtpEndPoint, 0, speech);
        Eventually.True(() => agent.ReceivedCount >= before + 5, "5 relayed frames");

        AssertRelayed(agent.Received, before, speech, payloadType: 0, notSsrc: caller.Ssrc);
    }

    [Fact]
    public void Key_presses_on_a_bridged_leg_are_reported_and_not_relayed_as_audio()
    {
        using var harness = new MediaEngineHarness(Ports);
        var (caller, agent) = (harness.Peer(), harness.Peer());
        var (callerLeg, agentLeg) = (harness.Answered(caller, "0 101"), harness.Answered(agent, "8 101"));
        agent.WaitForMore(2);
        callerLeg.Media.Bridge(agentLeg.Media);
        var before = agent.ReceivedCount;

        caller.SendDigits(callerLeg.RtpEndPoint, 101, "5");
        callerLeg.Events.WaitForDigits("5");
        var speech = Speech(frames: 1, seed: 14);
        caller.SendAudioFrames(callerLeg.RtpEndPoint, 0, speech);
        Eventually.True(() => RtpStreamAssert.IndexOfFrame(agent.Received, Convert(speech, G711Law.MuLaw, G711Law.ALaw), before) >= 0, "the frame after the key");

        // The press's telephone-event packets went to the digit receiver, not through the transcoder.
        Assert.Single(agent.Received.Skip(before));
        RtpStreamAssert.Continuous(agent.Received, payloadType: 8);
    }

    [Fact]
    public void Nothing_is_relayed_to_a_peer_that_holds_the_call_while_its_own_audio_still_flows()
    {
        using var harness = new MediaEngineHarness(Ports);
        var (caller, agent) = (harness.Peer(), harness.Peer());
        var callerLeg = harness.Answered(caller, "0 101");
        var agentLeg = harness.Answered(agent, "8 101", direction: "sendonly"); // the agent's phone put us on hold
        callerLeg.Media.Bridge(agentLeg.Media);

        caller.SendAudioFrames(callerLeg.RtpEndPoint, 0, Speech(frames: 5, seed: 15));
        caller.SendDigits(callerLeg.RtpEndPoint, 101, "1"); // processed after the audio on the same socket
        callerLeg.Events.WaitForDigits("1");
        var music = Speech(frames: 3, seed: 16);
        agent.SendAudioFrames(agentLeg.RtpEndPoint, 8, music);
        Eventually.True(() => RtpStreamAssert.IndexOfFrames(caller.Received, Split(Convert(music, G711Law.ALaw, G711Law.MuLaw))) >= 0, "the held side's audio");

        // RFC 3264 §6.1: a stream the answer marks recvonly carries nothing from us.
        Assert.Equal(0, agent.ReceivedCount);
    }

    private static void AssertRelayed(IReadOnlyList<ReceivedRtp> received, int before, byte[] expected, byte payloadType, uint notSsrc)
    {
        // At most one prompt frame sent before the bridge (in flight when `before` was read) may precede the relayed audio.
        var frames = Split(expected);
        var start = RtpStreamAssert.IndexOfFrames(received, frames, before);
        Assert.InRange(start, before, before + 1);
        var relayed = received.Skip(start).ToArray();
        Assert.Equal(frames, relayed.Select(p => p.Payload).ToArray());
        Assert.NotEqual(notSsrc, relayed[0].Ssrc);

        // The relayed packets continue the stream the leg was sending before the bridge.
        RtpStreamAssert.Continuous(received, payloadType);
    }

    private static byte[] Speech(int frames, int seed)
    {
        var random = new Random(seed);
        var samples = new short[frames * G711Frame.SamplesPerFrame];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)random.Next(-12000, 12000);
        }

        var encoded = new byte[samples.Length];
        G711Codec.Encode(G711Law.MuLaw, samples, encoded);
        return encoded;
    }

    private static byte[] Convert(byte[] codes, G711Law from, G711Law to)
    {
        var converted = new byte[codes.Length];
        G711Transcoder.Convert(from, to, codes, converted);
        return converted;
    }

    private static byte[][] Split(byte[] audio) => audio.Chunk(G711Frame.SamplesPerFrame).ToArray();
}
