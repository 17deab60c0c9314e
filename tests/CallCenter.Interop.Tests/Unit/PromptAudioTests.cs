using CallCenter.Interop.Tests.Media;
using CallCenter.Media.G711;

namespace CallCenter.Interop.Tests.Unit;

public sealed class PromptAudioTests
{
    private static readonly byte[] A = [1, 2];
    private static readonly byte[] B = [3, 4];
    private static readonly byte[] C = [5, 6];

    [Fact]
    public void Finds_a_run_of_frames_back_to_back()
    {
        Assert.Equal(1, PromptAudio.IndexOfRun([C, A, B, C], [A, B, C]));
    }

    [Fact]
    public void A_gap_in_the_run_is_not_a_match()
    {
        Assert.Equal(-1, PromptAudio.IndexOfRun([A, C, B, C], [A, B, C]));
    }

    [Fact]
    public void A_run_cut_short_at_the_end_is_not_a_match()
    {
        Assert.Equal(-1, PromptAudio.IndexOfRun([C, A, B], [A, B, C]));
    }

    [Fact]
    public void Silence_is_a_frame_of_the_laws_zero_code_only()
    {
        Assert.True(PromptAudio.IsSilence(G711Frame.Silence(G711Law.MuLaw).Span, G711Law.MuLaw));
        Assert.False(PromptAudio.IsSilence(G711Frame.Silence(G711Law.ALaw).Span, G711Law.MuLaw));
        Assert.False(PromptAudio.IsSilence([], G711Law.MuLaw));
    }

    [Fact]
    public void Loads_the_servers_prompts_as_160_byte_frames()
    {
        var welcome = PromptAudio.Load().Get("en/welcome");

        var frames = PromptAudio.Frames(welcome, G711Law.MuLaw);

        Assert.Equal(welcome.FrameCount, frames.Count);
        Assert.All(frames, frame => Assert.Equal(G711Frame.SamplesPerFrame, frame.Length));
    }
}
