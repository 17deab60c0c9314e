namespace CallCenter.Media.Audio;

/// <summary>One problem with an audio file, worded for the operator who has to fix the file.</summary>
/// <param name="Source">The file (as the loader was given it) or directory the problem is in.</param>
/// <param name="Message">What is wrong, e.g. "sample rate 16000 Hz, prompts must be 8000 Hz mono".</param>
public sealed record AudioError(string Source, string Message)
{
    /// <summary><c>SOURCE: message</c>, e.g. <c>audio/en/welcome.wav: sample rate 16000 Hz, prompts must be 8000 Hz mono</c>.</summary>
    public override string ToString() => $"{Source}: {Message}";
}
