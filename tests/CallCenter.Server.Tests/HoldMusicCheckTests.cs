using CallCenter.Config;
using CallCenter.Media.Audio;
using CallCenter.Server.Calls;

namespace CallCenter.Server.Tests;

/// <summary>A queue's hold music must be a prompt the server has; a missing one stops the server at start, at its line.</summary>
public sealed class HoldMusicCheckTests
{
    private static readonly PromptLibrary Prompts =
        PromptLibrary.Load(new PromptLibraryOptions { Directory = Path.Combine(RepositoryFolders.Root, "audio") });

    [Fact]
    public void The_sample_tune_and_no_music_at_all_are_accepted()
    {
        var config = ConfigLoader.LoadFromText(
            "queues:\n  sales:\n    skills: { sales: 5 }\n    hold-music: music/hold\n  support:\n    skills: { support: 5 }\n",
            "callcenter.yaml");

        HoldMusicCheck.Verify(config, Prompts);
    }

    [Fact]
    public void Music_that_is_not_in_the_audio_folder_is_refused_at_its_line()
    {
        var config = ConfigLoader.LoadFromText(
            "queues:\n  sales:\n    skills: { sales: 5 }\n    hold-music: music/jazz\n",
            "callcenter.yaml");

        var error = Assert.Single(Assert.Throws<ConfigException>(() => HoldMusicCheck.Verify(config, Prompts)).Errors);

        Assert.Equal(
            "callcenter.yaml:4:17: queue \"sales\": hold-music music/jazz is not a prompt: put the music at audio/en/music/jazz.wav (8000 Hz mono WAV)",
            error.ToString());
    }
}
