namespace CallCenter.Media.Tests.Audio;

/// <summary>A throw-away prompt directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempPromptDirectory : IDisposable
{
    public TempPromptDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"callcenter-prompts-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="relativePath"/> (e.g. "en/digits/3.wav").</summary>
    public string Write(string relativePath, byte[] bytes)
    {
        string file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    /// <summary>Writes a valid prompt of <paramref name="samples"/> samples, all of value <paramref name="level"/>.</summary>
    public string WriteWav(string relativePath, int samples = 400, short level = 1000) =>
        Write(relativePath, WavBuilder.Pcm16([.. Enumerable.Repeat(level, samples)]));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over it.
        }
    }
}
