using CallCenter.Calls.Media;
using CallCenter.Calls.Tests.Media.Support;
using CallCenter.Media.G711;
using CallCenter.Media.Sdp;

namespace CallCenter.Calls.Tests.Media;

/// <summary>
/// A leg answers a caller's offer and plays prompts to it over real loopback RTP, paced by the media clock; each
/// playback's end names the playback it ends.
/// </summary>
public class RtpCallMediaPlaybackTests
{
    private const int Ports = 30000;

    [Theory]
    [InlineData("0 101", (byte)0, G711Law.MuLaw)]
    [InlineData("8 101", (byte)8, G711Law.ALaw)]
    [InlineData("97 101", (byte)97, G711Law.ALaw)] // A-law under a dynamic payload type (RFC 3551 §3 allows it)
    public void The_answer_names_the_legs_port_and_a_prompt_arrives_frame_by_frame_in_one_stream(string formats, byte payloadType, G711Law law)
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Open("caller");

        var negotiation = leg.Media.AnswerOffer(PeerSdp.Offer(peer.Port, formats));

        Assert.True(negotiation.Accepted);
        Assert.True(SessionDescription.TryParse(negotiation.AnswerSdp!, out var answer, out _));
        var audio = Assert.Single(answer.Media);
        Assert.Equal(leg.Media.LocalPort, audio.Port);
        Assert.Equal(formats.Split(' '), audio.Formats);
        Assert.Equal("127.0.0.1", answer.ConnectionOf(audio)!.Address);

        var frames = TestPrompts.Frames(TestPrompts.Short, law);
        leg.Media.Play([TestPrompts.Short.Key], interruptible: false);
        Eventually.True(() => leg.Events.PromptsFinished == 1, "the end of the prompt");
        peer.WaitForMore(10);

        var received = peer.Received;
        var start = RtpStreamAssert.IndexOfFrames(received, frames);
        Assert.True(start >= 0, "the prompt's frames arrive consecutively and in order");
        Assert.True(RtpStreamAssert.IsSilence(received[start + frames.Length], law), "silence follows the prompt");
        Assert.All(received.Take(start), p => Assert.True(RtpStreamAssert.IsSilence(p, law), "silence before the prompt"));
        RtpStreamAssert.Continuous(received, payloadType);
        Assert.Equal(1, leg.Events.PromptsFinished);
        Assert.DoesNotContain(leg.Events.Snapshot(), e => e is not MediaEvent.PromptFinished);
        harness.AssertNothingThrew();
    }

    [Fact]
    public void Prompts_play_back_to_back_and_finish_once_at_the_end_of_the_last()
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Answered(peer, "0 101");

        leg.Media.Play([TestPrompts.Short.Key, TestPrompts.OneSecond.Key], interruptible: true);
        Eventually.True(() => leg.Events.PromptsFinished == 1, "the end of both prompts");
        peer.WaitForMore(5);

        var frames = TestPrompts.Frames(TestPrompts.Short, G711Law.MuLaw).Concat(TestPrompts.Frames(TestPrompts.OneSecond, G711Law.MuLaw)).ToArray();
        Assert.True(RtpStreamAssert.IndexOfFrames(peer.Received, frames) >= 0, "both prompts, without a gap");
        Assert.Equal(1, leg.Events.PromptsFinished);
    }

    [Fact]
    public void A_replaced_playback_never_reports_its_end_only_the_replacement_does()
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Answered(peer, "0 101");
        var longFirst = TestPrompts.Frames(TestPrompts.Long, G711Law.MuLaw)[0];

        var replaced = leg.Media.Play([TestPrompts.Long.Key], interruptible: false);
        Eventually.True(() => RtpStreamAssert.IndexOfFrame(peer.Received, longFirst) >= 0, "the long prompt starting");
        var replacing = leg.Media.Play([TestPrompts.Short.Key], interruptible: false);
        Eventually.True(() => leg.Events.PromptsFinished == 1, "the end of the replacement");
        peer.WaitForMore(10);

        Assert.NotEqual(replaced, replacing);
        Assert.Equal(replacing, Assert.Single(leg.Events.Snapshot().OfType<MediaEvent.PromptFinished>()).Playback);
        var received = peer.Received;
        var replacement = RtpStreamAssert.IndexOfFrames(received, TestPrompts.Frames(TestPrompts.Short, G711Law.MuLaw));
        Assert.True(replacement > RtpStreamAssert.IndexOfFrame(received, longFirst));
        Assert.True(RtpStreamAssert.IsSilence(received[^1], G711Law.MuLaw), "the long prompt does not resume");
        RtpStreamAssert.Continuous(received, 0);
    }

    [Fact]
    public void A_playback_of_unknown_prompts_finishes_at_once_and_stop_leaves_silence()
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Answered(peer, "0 101");

        var unknown = leg.Media.Play(["en/no-such-prompt"], interruptible: false);
        Assert.Equal(unknown, Assert.Single(leg.Events.Snapshot().OfType<MediaEvent.PromptFinished>()).Playback);

        leg.Media.Play([TestPrompts.Long.Key], interruptible: false);
        var longFirst = TestPrompts.Frames(TestPrompts.Long, G711Law.MuLaw)[0];
        Eventually.True(() => RtpStreamAssert.IndexOfFrame(peer.Received, longFirst) >= 0, "the long prompt starting");
        leg.Media.StopPlayback();
        var stoppedAt = peer.ReceivedCount;
        peer.WaitForMore(10);

        Assert.All(peer.Received.Skip(stoppedAt + 2), p => Assert.True(RtpStreamAssert.IsSilence(p, G711Law.MuLaw)));
        Assert.Equal(1, leg.Events.PromptsFinished);
    }

    [Fact]
    public void Ringback_loops_as_audio_until_stopped()
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Answered(peer, "8 101");

        leg.Media.PlayRingback();
        peer.WaitForMore(20);

        var tone = TestPrompts.Frames(RingbackTone.Create(), G711Law.ALaw).Take(10).ToArray();
        Assert.True(RtpStreamAssert.IndexOfFrames(peer.Received, tone) >= 0, "the first 200 ms of the ringback cadence");
        Assert.Equal(0, leg.Events.PromptsFinished);
    }
}
