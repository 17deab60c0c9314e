using CallCenter.Calls.Media;
using CallCenter.Calls.Tests.Media.Support;
using CallCenter.Media.Dtmf;
using CallCenter.Media.G711;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests.Media;

/// <summary>Key presses reach the call as Digit events, the RFC 4733 way or as tones in the audio, and barge in on prompts.</summary>
public class RtpCallMediaDtmfTests
{
    private const int Ports = 30100;

    [Theory]
    [InlineData("0 101", (byte)101)]
    [InlineData("8 96", (byte)96)]
    public void Each_rfc4733_press_raises_exactly_one_digit(string formats, byte eventType)
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Answered(peer, formats);

        // Each press is an update every 20 ms and the end packet three times (RFC 4733 §2.5.1.4).
        peer.SendDigits(leg.RtpEndPoint, eventType, "1#");
        leg.Events.WaitForDigits("1#");
        peer.SendDigits(leg.RtpEndPoint, eventType, "5");
        leg.Events.WaitForDigits("1#5");

        Assert.Equal("1#5", leg.Events.Digits);
        Assert.All(leg.Events.Snapshot().OfType<MediaEvent.Digit>(), d => Assert.Equal("rfc4733", d.Method));
        harness.AssertNothingThrew();
    }

    [Fact]
    public void A_press_stops_an_interruptible_prompt_without_reporting_its_end()
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Answered(peer, "0 101");
        var first = TestPrompts.Frames(TestPrompts.Long, G711Law.MuLaw)[0];

        leg.Media.Play([TestPrompts.Long.Key], interruptible: true);
        Eventually.True(() => RtpStreamAssert.IndexOfFrame(peer.Received, first) >= 0, "the prompt starting");
        peer.SendDigits(leg.RtpEndPoint, 101, "2");
        leg.Events.WaitForDigits("2");
        peer.WaitForMore(12);

        Assert.All(peer.Received.TakeLast(10), p => Assert.True(RtpStreamAssert.IsSilence(p, G711Law.MuLaw), "the prompt stopped"));
        Assert.Equal(0, leg.Events.PromptsFinished);
    }

    [Fact]
    public void A_press_does_not_stop_a_prompt_that_is_not_interruptible()
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Answered(peer, "0 101");
        var frames = TestPrompts.Frames(TestPrompts.OneSecond, G711Law.MuLaw);

        leg.Media.Play([TestPrompts.OneSecond.Key], interruptible: false);
        Eventually.True(() => RtpStreamAssert.IndexOfFrame(peer.Received, frames[0]) >= 0, "the prompt starting");
        peer.SendDigits(leg.RtpEndPoint, 101, "3");
        leg.Events.WaitForDigits("3");
        Eventually.True(() => leg.Events.PromptsFinished == 1, "the end of the prompt");
        peer.WaitForMore(2);

        Assert.True(RtpStreamAssert.IndexOfFrames(peer.Received, frames) >= 0, "every frame of the prompt was sent");
    }

    [Fact]
    public void A_press_whose_end_packets_were_all_lost_is_still_reported_once()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        using var harness = new MediaEngineHarness(Ports, time);
        var peer = harness.Peer();
        var leg = harness.Answered(peer, "0 101");

        var withoutEnd = new Rfc4733Sender().CreateDigit('4').Where(p => !p.Event.End);
        peer.SendEvents(leg.RtpEndPoint, 101, withoutEnd);
        peer.WaitForMore(5);
        Assert.Equal("", leg.Events.Digits);

        // Past the receiver's stuck-event timeout (500 ms) the press is closed with what was seen (RFC 4733 §2.5.2.2 leaves it to the receiver).
        time.Advance(TimeSpan.FromSeconds(1));
        leg.Events.WaitForDigits("4");
        peer.SendDigits(leg.RtpEndPoint, 101, "6");
        leg.Events.WaitForDigits("46");

        Assert.Equal("46", leg.Events.Digits);
    }

    [Theory]
    [InlineData("0", (byte)0, G711Law.MuLaw)]
    [InlineData("8", (byte)8, G711Law.ALaw)]
    public void Without_telephone_event_a_key_sent_as_tones_in_the_audio_is_detected(string formats, byte payloadType, G711Law law)
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Answered(peer, formats);

        peer.SendAudioFrames(leg.RtpEndPoint, payloadType, TestPrompts.DtmfTone('7', law));
        leg.Events.WaitForDigits("7");
        peer.SendAudioFrames(leg.RtpEndPoint, payloadType, TestPrompts.DtmfTone('0', law));
        leg.Events.WaitForDigits("70");

        Assert.Equal("70", leg.Events.Digits);
        Assert.All(leg.Events.Snapshot().OfType<MediaEvent.Digit>(), d => Assert.Equal("inband", d.Method));
        harness.AssertNothingThrew();
    }

    [Fact]
    public void A_key_sent_as_tones_barges_in_on_an_interruptible_prompt()
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Answered(peer, "0");
        var first = TestPrompts.Frames(TestPrompts.Long, G711Law.MuLaw)[0];

        leg.Media.Play([TestPrompts.Long.Key], interruptible: true);
        Eventually.True(() => RtpStreamAssert.IndexOfFrame(peer.Received, first) >= 0, "the prompt starting");
        peer.SendAudioFrames(leg.RtpEndPoint, 0, TestPrompts.DtmfTone('9', G711Law.MuLaw));
        leg.Events.WaitForDigits("9");
        peer.WaitForMore(12);

        Assert.All(peer.Received.TakeLast(10), p => Assert.True(RtpStreamAssert.IsSilence(p, G711Law.MuLaw), "the prompt stopped"));
        Assert.Equal(0, leg.Events.PromptsFinished);
    }
}
