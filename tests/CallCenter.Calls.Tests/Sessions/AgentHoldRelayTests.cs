using CallCenter.Calls.Tests.Media.Support;
using CallCenter.Media.G711;

namespace CallCenter.Calls.Tests.Sessions;

/// <summary>
/// What the agent's re-INVITE does to a bridged call's audio, with real RTP on loopback: the agent's leg negotiates
/// its new offer, and a hold (a=sendonly, answered a=recvonly) stops the caller's audio being relayed to the agent's
/// phone while the agent's own audio (music on hold) still reaches the caller; a resume (a=sendrecv) starts the
/// relay again (RFC 3264 §6.1, §8.4). The caller's leg is not renegotiated.
/// </summary>
public class AgentHoldRelayTests
{
    private const int Ports = 30300;

    [Fact]
    public void A_hold_from_the_agent_stops_the_relay_to_it_and_a_resume_restarts_it()
    {
        using var harness = new MediaEngineHarness(Ports);
        var (caller, agent) = (harness.Peer(), harness.Peer());
        var (callerLeg, agentLeg) = (harness.Answered(caller, "0 101"), harness.Answered(agent, "0 101"));
        callerLeg.Media.Bridge(agentLeg.Media);

        var hold = agentLeg.Media.AnswerOffer(PeerSdp.Offer(agent.Port, "0 101", "sendonly"));
        var heldSpeech = Frames(seed: 21);
        caller.SendAudioFrames(callerLeg.RtpEndPoint, 0, heldSpeech.SelectMany(f => f).ToArray());
        caller.SendDigits(callerLeg.RtpEndPoint, 101, "1"); // handled after the audio on the same socket
        callerLeg.Events.WaitForDigits("1");
        var music = Frames(seed: 22);
        agent.SendAudioFrames(agentLeg.RtpEndPoint, 0, music.SelectMany(f => f).ToArray());
        Eventually.True(() => RtpStreamAssert.IndexOfFrames(caller.Received, music) >= 0, "the held agent's audio at the caller");

        var resume = agentLeg.Media.AnswerOffer(PeerSdp.Offer(agent.Port, "0 101", "sendrecv"));
        var speech = Frames(seed: 23);
        caller.SendAudioFrames(callerLeg.RtpEndPoint, 0, speech.SelectMany(f => f).ToArray());
        Eventually.True(() => RtpStreamAssert.IndexOfFrames(agent.Received, speech) >= 0, "the caller's audio at the resumed agent");

        Assert.True(hold.Accepted, hold.Warning);
        Assert.Contains("a=recvonly", hold.AnswerSdp, StringComparison.Ordinal);
        Assert.True(resume.Accepted, resume.Warning);
        Assert.Contains("a=sendrecv", resume.AnswerSdp, StringComparison.Ordinal);
        Assert.Equal(-1, RtpStreamAssert.IndexOfFrames(agent.Received, heldSpeech));
        harness.AssertNothingThrew();
    }

    private static byte[][] Frames(int seed)
    {
        var random = new Random(seed);
        var frames = new byte[5][];
        for (var i = 0; i < frames.Length; i++)
        {
            var samples = new short[G711Frame.SamplesPerFrame];
            for (var s = 0; s < samples.Length; s++)
            {
                samples[s] = (short)random.Next(-12000, 12000);
            }

            frames[i] = new byte[samples.Length];
            G711Codec.Encode(G711Law.MuLaw, samples, frames[i]);
        }

        return frames;
    }
}
