using CallCenter.Calls.Media;
using CallCenter.Media.Audio;
using CallCenter.Media.G711;

namespace CallCenter.Calls.Tests.Media;

public class FramePlayerTests
{
    private static Prompt PromptOf(int frames, short level) =>
        Prompt.FromSamples("p" + frames, Enumerable.Repeat(level, frames * G711Frame.SamplesPerFrame).ToArray());

    [Fact]
    public void Plays_each_frame_of_each_prompt_in_order_then_reports_the_end_once()
    {
        var player = new FramePlayer(G711Law.MuLaw);
        var first = PromptOf(2, 1000);
        var second = PromptOf(1, -1000);
        player.Play([first, second]);

        var frames = new List<byte[]>();
        var finishedAt = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            frames.Add(player.NextFrame(out var finished).ToArray());
            if (finished)
            {
                finishedAt.Add(i);
            }
        }

        Assert.Equal(first.GetFrame(G711Law.MuLaw, 0).ToArray(), frames[0]);
        Assert.Equal(first.GetFrame(G711Law.MuLaw, 1).ToArray(), frames[1]);
        Assert.Equal(second.GetFrame(G711Law.MuLaw, 0).ToArray(), frames[2]);
        Assert.Equal([2], finishedAt);
        Assert.Equal(G711Frame.Silence(G711Law.MuLaw).ToArray(), frames[3]);
        Assert.False(player.IsPlaying);
    }

    [Fact]
    public void A_looping_tone_never_finishes_and_stop_gives_silence()
    {
        var player = new FramePlayer(G711Law.ALaw);
        player.Play([RingbackTone.Create()], loop: true);
        for (var i = 0; i < 600; i++)
        {
            player.NextFrame(out var finished);
            Assert.False(finished);
        }

        player.Stop();
        Assert.Equal(G711Frame.Silence(G711Law.ALaw).ToArray(), player.NextFrame(out _).ToArray());
    }

    [Fact]
    public void A_new_playback_replaces_the_current_one_without_reporting_its_end()
    {
        var player = new FramePlayer(G711Law.MuLaw);
        player.Play([PromptOf(3, 500)]);
        player.NextFrame(out _);
        var replacement = PromptOf(1, -500);
        player.Play([replacement]);

        var frame = player.NextFrame(out var finished);

        Assert.Equal(replacement.GetFrame(G711Law.MuLaw, 0).ToArray(), frame.ToArray());
        Assert.True(finished);
    }

    [Fact]
    public void Ringback_is_one_second_of_425_hz_in_a_five_second_period()
    {
        var tone = RingbackTone.Create();
        Assert.Equal(TimeSpan.FromSeconds(5), tone.Duration);
        var decoded = new short[G711Frame.SamplesPerFrame];
        MuLaw.Decode(tone.GetFrame(G711Law.MuLaw, 10).Span, decoded);
        Assert.True(decoded.Max(s => Math.Abs((int)s)) > 4000);
        MuLaw.Decode(tone.GetFrame(G711Law.MuLaw, 100).Span, decoded);
        Assert.True(decoded.Max(s => Math.Abs((int)s)) < 10);
    }
}
