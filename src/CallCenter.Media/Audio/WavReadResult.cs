namespace CallCenter.Media.Audio;

/// <summary>Outcome of reading one WAV file: either <see cref="Audio"/> or <see cref="Error"/> is set.</summary>
public readonly record struct WavReadResult(WavAudio? Audio, AudioError? Error)
{
    /// <summary>True when the file was read and is usable as a prompt.</summary>
    public bool Success => Audio is not null;

    internal static WavReadResult Ok(WavAudio audio) => new(audio, null);

    internal static WavReadResult Fail(string source, string message) => new(null, new AudioError(source, message));
}
