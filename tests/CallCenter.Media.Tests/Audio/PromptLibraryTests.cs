using CallCenter.Media.Audio;
using CallCenter.Media.G711;

namespace CallCenter.Media.Tests.Audio;

public sealed class PromptLibraryTests : IDisposable
{
    private readonly TempPromptDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_KeysPromptsByPathInsideTheirLanguageFolder()
    {
        _dir.WriteWav("en/welcome.wav", samples: 8000);
        _dir.WriteWav("en/digits/3.wav");
        _dir.WriteWav("ms/welcome.wav");

        PromptLibrary library = Load();

        Assert.Equal(3, library.Count);
        Assert.Equal(["en", "ms"], library.Languages.Order());
        Assert.Equal("en", library.FallbackLanguage);
        Assert.Equal("en/welcome", library.Get("welcome", "en").Key);
        Assert.Equal(TimeSpan.FromSeconds(1), library.Get("welcome", "en").Duration);
        Assert.Equal("en/digits/3", library.Get("digits/3", null).Key);
        Assert.Equal("en/digits/3", library.Get("en/digits/3").Key);
        Assert.Equal("ms/welcome", library.Get("welcome", "ms").Key);
    }

    [Theory]
    [InlineData("ms", "welcome", "ms/welcome")]
    [InlineData("ms", "digits/3", "en/digits/3")]     // missing in Malay: English
    [InlineData("ms-MY", "welcome", "ms/welcome")]    // region falls back to the base language
    [InlineData("ms-MY", "digits/3", "en/digits/3")]
    [InlineData("en-GB", "welcome", "en/welcome")]
    [InlineData("fr", "welcome", "en/welcome")]       // unknown language: English
    [InlineData(null, "welcome", "en/welcome")]
    [InlineData("", "welcome", "en/welcome")]
    [InlineData("MS", "WELCOME", "ms/welcome")]       // languages and keys ignore case
    public void TryGet_FallsBackFromRegionToLanguageToFallback(string? language, string key, string expected)
    {
        _dir.WriteWav("en/welcome.wav");
        _dir.WriteWav("en/digits/3.wav");
        _dir.WriteWav("ms/welcome.wav");
        PromptLibrary library = Load();

        Assert.True(library.TryGet(key, language, out Prompt? prompt));
        Assert.Equal(expected, prompt!.Key);
        if (!string.IsNullOrEmpty(language))
        {
            Assert.True(library.TryGet($"{language}/{key}", out Prompt? byLibraryKey));
            Assert.Same(prompt, byLibraryKey);
        }
    }

    [Theory]
    [InlineData("welcome")]
    [InlineData("/welcome")]
    [InlineData("en/")]
    [InlineData("en/nothing")]
    [InlineData("")]
    public void TryGetByLibraryKey_FailsForMalformedOrUnknownKeys(string qualifiedKey)
    {
        _dir.WriteWav("en/welcome.wav");
        PromptLibrary library = Load();

        Assert.False(library.TryGet(qualifiedKey, out Prompt? prompt));
        Assert.Null(prompt);
        Assert.False(library.Contains(qualifiedKey));
    }

    [Fact]
    public void MissingPrompt_IsNotFound()
    {
        _dir.WriteWav("en/welcome.wav");
        PromptLibrary library = Load();

        Assert.False(library.TryGet("goodbye", "ms", out Prompt? prompt));
        Assert.Null(prompt);
        Assert.False(library.Contains("goodbye", null));
        KeyNotFoundException error = Assert.Throws<KeyNotFoundException>(() => library.Get("goodbye", "ms"));
        Assert.Equal("No prompt 'goodbye' in language 'ms' or in the fallback 'en'.", error.Message);
        error = Assert.Throws<KeyNotFoundException>(() => library.Get("ms/goodbye"));
        Assert.Equal("No prompt 'ms/goodbye' (with fallback to 'en').", error.Message);
    }

    [Fact]
    public void FindMissing_ListsKeysNoLookupFinds()
    {
        _dir.WriteWav("en/welcome.wav");
        _dir.WriteWav("ms/goodbye.wav");
        PromptLibrary library = Load();

        Assert.Equal(["goodbye", "digits/3"], library.FindMissing(["welcome", "goodbye", "digits/3", "goodbye"], "en"));
        Assert.Equal(["digits/3"], library.FindMissing(["welcome", "goodbye", "digits/3"], "ms"));
    }

    [Fact]
    public void Load_ReportsEveryBadFileTogetherSortedByFile()
    {
        _dir.WriteWav("en/welcome.wav");
        string rate = _dir.Write("en/zz-rate.wav", new WavBuilder().Fmt(1, 1, 16000, 16).Data(new byte[4]).Build());
        string notWav = _dir.Write("en/goodbye.wav", "not audio at all"u8.ToArray());
        string stereo = _dir.Write("ms/welcome.wav", new WavBuilder().Fmt(1, 2, 8000, 16).Data(new byte[4]).Build());
        string loose = _dir.WriteWav("loose.wav");

        bool loaded = PromptLibrary.TryLoad(Options(), out PromptLibrary? library, out IReadOnlyList<AudioError> errors);

        Assert.False(loaded);
        Assert.Null(library);
        Assert.Equal(
            [
                $"{notWav}: not a WAV file: it does not start with 'RIFF'",
                $"{rate}: sample rate 16000 Hz, prompts must be 8000 Hz mono",
                $"{loose}: prompts must be inside a language folder, e.g. {Path.Combine(_dir.Path, "en", "loose.wav")}",
                $"{stereo}: 2 channels, prompts must be 8000 Hz mono",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_ThrowsWithEveryProblemInTheMessage()
    {
        string a = _dir.Write("en/a.wav", [1, 2, 3]);
        string b = _dir.Write("en/b.wav", [4, 5, 6]);

        PromptLibraryException error = Assert.Throws<PromptLibraryException>(() => Load());

        Assert.Equal(2, error.Errors.Count);
        Assert.Equal(
            $"{a}: not a WAV file: 3 bytes is too short for a RIFF header\n{b}: not a WAV file: 3 bytes is too short for a RIFF header",
            error.Message);
    }

    [Fact]
    public void KeysDifferingOnlyInCase_AreAClash()
    {
        string first = _dir.WriteWav("en/Welcome.wav");
        string second = _dir.WriteWav("en/welcome.WAV");

        PromptLibrary.TryLoad(Options(), out _, out IReadOnlyList<AudioError> errors);

        AudioError error = Assert.Single(errors);
        Assert.Equal($"{second}: same prompt key 'en/welcome' as {first} (keys ignore case)", error.ToString());
    }

    [Fact]
    public void MissingDirectoryOrFallbackLanguage_IsReported()
    {
        string missing = Path.Combine(_dir.Path, "nowhere");
        PromptLibrary.TryLoad(new PromptLibraryOptions { Directory = missing }, out _, out IReadOnlyList<AudioError> errors);
        Assert.Equal($"{missing}: prompt directory not found", Assert.Single(errors).ToString());

        _dir.WriteWav("ms/welcome.wav");
        PromptLibrary.TryLoad(Options(), out _, out errors);
        Assert.Equal(
            $"{_dir.Path}: no prompts in the fallback language 'en' (expected {Path.Combine(_dir.Path, "en")}/*.wav)",
            Assert.Single(errors).ToString());
    }

    [Fact]
    public void OtherLanguageCanBeTheFallback()
    {
        _dir.WriteWav("ms/welcome.wav");

        PromptLibrary library = PromptLibrary.Load(Options(fallback: "ms"));

        Assert.Equal("ms/welcome", library.Get("welcome", "en").Key);
    }

    [Fact]
    public void NonWavAndHiddenFiles_AreIgnored()
    {
        _dir.WriteWav("en/welcome.wav");
        _dir.Write("en/README.md", "notes"u8.ToArray());
        _dir.Write("en/.hidden.wav", [1, 2, 3]);
        _dir.Write("prompts.txt", "welcome|Hello"u8.ToArray());

        PromptLibrary library = Load();

        Assert.Equal(1, library.Count);
    }

    [Fact]
    public void OversizedFiles_AreReportedWithoutBeingRead()
    {
        string big = _dir.WriteWav("en/welcome.wav", samples: 1000);

        PromptLibrary.TryLoad(Options(maxFileBytes: 1000), out _, out IReadOnlyList<AudioError> errors);

        Assert.Equal($"{big}: file is 2044 bytes, more than the 1000-byte limit for a prompt", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Prompts_AreEncodedFromTheFile()
    {
        _dir.WriteWav("en/welcome.wav", samples: 200, level: 1000);

        Prompt prompt = Load().Get("en/welcome");

        Assert.Equal(2, prompt.FrameCount);
        Assert.Equal(MuLaw.Encode(1000), prompt.GetFrame(G711Law.MuLaw, 0).Span[0]);
        Assert.Equal(ALaw.Encode(1000), prompt.GetFrame(G711Law.ALaw, 1).Span[39]);
        Assert.Equal(ALaw.SilenceCode, prompt.GetFrame(G711Law.ALaw, 1).Span[40]);
    }

    [Fact]
    public void TryGet_DoesNotAllocate()
    {
        _dir.WriteWav("en/welcome.wav");
        _dir.WriteWav("ms/goodbye.wav");
        PromptLibrary library = Load();
        library.TryGet("welcome", "ms-MY", out _);
        library.TryGet("ms-MY/welcome", out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int found = 0;
        for (int i = 0; i < 1000; i++)
        {
            found += library.TryGet("welcome", "ms-MY", out _) ? 1 : 0;
            found += library.TryGet("goodbye", "ms", out _) ? 1 : 0;
            found += library.TryGet("ms-MY/welcome", out _) ? 1 : 0;
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(3000, found);
    }

    [Fact]
    public void FromPrompts_BuildsALibraryInMemory()
    {
        PromptLibrary library = PromptLibrary.FromPrompts("en",
        [
            Prompt.FromSamples("en/welcome", new short[10]),
            Prompt.FromSamples("ms/welcome", new short[10]),
        ]);

        Assert.Equal("ms/welcome", library.Get("ms/welcome").Key);
        Assert.Throws<ArgumentException>(() => PromptLibrary.FromPrompts("en", [Prompt.FromSamples("welcome", new short[1])]));
        Assert.Throws<ArgumentException>(() => PromptLibrary.FromPrompts("en", [Prompt.FromSamples("ms/welcome", new short[1])]));
        Assert.Throws<ArgumentException>(() => PromptLibrary.FromPrompts("en",
            [Prompt.FromSamples("en/a", new short[1]), Prompt.FromSamples("EN/A", new short[1])]));
    }

    private PromptLibraryOptions Options(string fallback = "en", long maxFileBytes = WavReader.DefaultMaxFileBytes) =>
        new() { Directory = _dir.Path, FallbackLanguage = fallback, MaxFileBytes = maxFileBytes };

    private PromptLibrary Load() => PromptLibrary.Load(Options());
}
