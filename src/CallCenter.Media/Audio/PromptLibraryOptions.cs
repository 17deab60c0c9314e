namespace CallCenter.Media.Audio;

/// <summary>Where prompts are loaded from and how they are looked up.</summary>
public sealed class PromptLibraryOptions
{
    /// <summary>
    /// The prompt directory: one sub-folder per language (<c>en/</c>, <c>ms/</c>…), each holding
    /// WAV files, in further sub-folders if wanted (<c>en/digits/3.wav</c> is key <c>digits/3</c>).
    /// </summary>
    public string Directory { get; set; } = "audio";

    /// <summary>The language used when a prompt is missing in the caller's language. Its folder must exist.</summary>
    public string FallbackLanguage { get; set; } = "en";

    /// <summary>Larger WAV files are reported as errors without being read.</summary>
    public long MaxFileBytes { get; set; } = WavReader.DefaultMaxFileBytes;
}
