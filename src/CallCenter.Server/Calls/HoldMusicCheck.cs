using CallCenter.Config;
using CallCenter.Media.Audio;

namespace CallCenter.Server.Calls;

/// <summary>
/// A queue's <c>hold-music</c> must name a prompt the server has: the contact-centre file cannot know the audio folder,
/// so the check runs once both are loaded, and a missing file stops the server at start like every other bad setting.
/// </summary>
public static class HoldMusicCheck
{
    /// <summary>Throws <see cref="ConfigException"/> listing every queue whose hold music is not in <paramref name="prompts"/>.</summary>
    public static void Verify(CallCenterConfig config, PromptLibrary prompts)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(prompts);
        var errors = new List<ConfigError>();
        foreach (var queue in config.Queues)
        {
            // The fallback language must have it: every caller's language falls back to it.
            if (queue.HoldMusic is { } key && !prompts.Contains(key, language: null))
            {
                var at = queue.HoldMusicAt ?? Config.Yaml.TextPosition.StartOfFile;
                errors.Add(new ConfigError(
                    config.SourcePath,
                    at.Line,
                    at.Column,
                    $"queue \"{queue.Name}\": hold-music {key} is not a prompt: put the music at audio/en/{key}.wav (8000 Hz mono WAV)"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ConfigException(errors);
        }
    }
}
