using CallCenter.Media.Audio;
using CallCenter.Media.G711;

namespace CallCenter.Interop.Tests.Media;

/// <summary>
/// The server's own prompts, loaded the way the server loads them (the <c>audio</c> folder travels with the binaries),
/// so a test can tell whether the RTP it received is a given prompt, frame for frame.
/// </summary>
public static class PromptAudio
{
    /// <summary>Loads every prompt from the <c>audio</c> folder next to the test binaries.</summary>
    public static PromptLibrary Load() =>
        PromptLibrary.Load(new PromptLibraryOptions { Directory = Path.Combine(AppContext.BaseDirectory, "audio") });

    /// <summary>The 20 ms frames of <paramref name="prompt"/> in <paramref name="law"/>, 160 bytes each, in order.</summary>
    public static IReadOnlyList<byte[]> Frames(Prompt prompt, G711Law law) =>
        Enumerable.Range(0, prompt.FrameCount).Select(index => prompt.GetFrame(law, index).ToArray()).ToArray();

    /// <summary>Whether <paramref name="frame"/> is the silence frame of <paramref name="law"/> (every byte the code of 0).</summary>
    public static bool IsSilence(ReadOnlySpan<byte> frame, G711Law law) =>
        frame.Length > 0 && !frame.ContainsAnyExcept(law.SilenceCode());

    /// <summary>
    /// The first index at which <paramref name="received"/> holds all of <paramref name="frames"/> back to back, or -1:
    /// a prompt played without a gap, a lost frame or a reordering.
    /// </summary>
    public static int IndexOfRun(IReadOnlyList<byte[]> received, IReadOnlyList<byte[]> frames)
    {
        for (var start = 0; start + frames.Count <= received.Count; start++)
        {
            var matched = 0;
            while (matched < frames.Count && received[start + matched].AsSpan().SequenceEqual(frames[matched]))
            {
                matched++;
            }

            if (matched == frames.Count)
            {
                return start;
            }
        }

        return -1;
    }
}
