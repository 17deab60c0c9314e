using CallCenter.Media.Audio;
using CallCenter.Media.G711;

namespace CallCenter.Interop.Tests.Media;

/// <summary>
/// Tells which of the server's prompts a phone has heard, in order, by finding their frames in the RTP it received
/// (PCMU, frame for frame: the server sends its prompt frames unchanged). A cursor moves past each prompt heard, so
/// "welcome, then the menu, then the menu again" is three separate finds.
/// </summary>
public sealed class PromptEar(RtpPhone phone)
{
    private const int AudibleFramesForAStart = 15;

    private static readonly Lazy<PromptLibrary> Library = new(PromptAudio.Load);

    // The English prompts the sample flows play, named in failure messages when found.
    private static readonly string[] KnownKeys =
    [
        "en/welcome", "en/no-input", "en/invalid-choice", "en/goodbye", "en/all-agents-busy", "en/main/welcome", "en/main/choose-language",
        "en/main/main-menu", "en/main/enter-account", "en/main/invalid-account", "en/main/you-entered", "en/main/after-hours",
        "en/main/offer-callback", "en/main/callback-thanks",
    ];
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Index of the first received packet after the last prompt heard.</summary>
    public int Cursor { get; private set; }

    /// <summary>The 20 ms PCMU frames of a prompt library key (e.g. <c>en/main/welcome</c>).</summary>
    public static IReadOnlyList<byte[]> FramesOf(string key) => PromptAudio.Frames(Library.Value.Get(key), G711Law.MuLaw);

    /// <summary>How long a prompt plays.</summary>
    public static TimeSpan DurationOf(string key) => Library.Value.Get(key).Duration;

    /// <summary>
    /// Waits until the whole of <paramref name="keys"/>, back to back, has arrived after the cursor; moves the cursor past
    /// them and returns the index of their first packet. Fails the test after <paramref name="limit"/>.
    /// </summary>
    public async Task<int> HearsAsync(TimeSpan limit, params string[] keys)
    {
        var frames = keys.SelectMany(FramesOf).ToArray();
        var at = await FindWithinAsync(frames, limit);
        Assert.True(at >= 0, $"the caller did not hear {string.Join(" + ", keys)} within {limit.TotalSeconds} s; {Describe()}");
        Cursor = at + frames.Length;
        return at;
    }

    /// <summary>
    /// Waits until the start of <paramref name="key"/> (its first audible frames) has arrived after the cursor, for a
    /// prompt the test is about to cut short; moves the cursor past that start.
    /// </summary>
    public async Task<int> HearsStartOfAsync(string key, TimeSpan limit)
    {
        var frames = FramesOf(key);
        var audible = frames.SkipWhile(frame => PromptAudio.IsSilence(frame, G711Law.MuLaw)).Take(AudibleFramesForAStart).ToArray();
        var at = await FindWithinAsync(audible, limit);
        Assert.True(at >= 0, $"the caller did not hear the start of {key} within {limit.TotalSeconds} s; {Describe()}");
        Cursor = at + audible.Length;
        return at;
    }

    /// <summary>True when the start of <paramref name="key"/> appears anywhere after the cursor (for "did not hear" checks).</summary>
    public bool HeardStartOf(string key)
    {
        var audible = FramesOf(key).SkipWhile(frame => PromptAudio.IsSilence(frame, G711Law.MuLaw)).Take(AudibleFramesForAStart).ToArray();
        return Find(Payloads(), audible, Cursor) >= 0;
    }

    /// <summary>The known prompts whose start was heard after the cursor, in order, for failure messages.</summary>
    public string Describe()
    {
        var received = Payloads();
        var heard = new List<(int At, string Key)>();
        foreach (var key in KnownKeys)
        {
            var audible = FramesOf(key).SkipWhile(frame => PromptAudio.IsSilence(frame, G711Law.MuLaw)).Take(AudibleFramesForAStart).ToArray();
            for (var at = Find(received, audible, Cursor); at >= 0; at = Find(received, audible, at + 1))
            {
                heard.Add((at, key));
            }
        }

        return $"{received.Count - Cursor} packets arrived after the cursor ({Cursor}); prompts starting there: "
            + (heard.Count == 0 ? "none" : string.Join(", ", heard.OrderBy(h => h.At).Select(h => $"{h.Key}@{h.At}")));
    }

    private async Task<int> FindWithinAsync(IReadOnlyList<byte[]> frames, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var at = Find(Payloads(), frames, Cursor);
            if (at >= 0 || DateTime.UtcNow >= deadline)
            {
                return at;
            }

            await Task.Delay(PollInterval);
        }
    }

    private List<byte[]> Payloads() => phone.Snapshot().Select(packet => packet.Payload).ToList();

    private static int Find(List<byte[]> received, IReadOnlyList<byte[]> frames, int from)
    {
        for (var start = Math.Max(0, from); start + frames.Count <= received.Count; start++)
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
