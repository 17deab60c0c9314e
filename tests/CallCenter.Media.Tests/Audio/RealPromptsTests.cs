using System.Runtime.CompilerServices;
using CallCenter.Media.Audio;
using CallCenter.Media.G711;

namespace CallCenter.Media.Tests.Audio;

/// <summary>The committed prompts in audio/ and their source list scripts/prompts.txt.</summary>
public sealed class RealPromptsTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    [Fact]
    public void AudioFolder_LoadsWithoutErrors_AndHasEveryKeyTheServerSpeaks()
    {
        PromptLibrary library = PromptLibrary.Load(new PromptLibraryOptions { Directory = Path.Combine(RepositoryRoot, "audio") });

        Assert.Empty(library.FindMissing(PromptKeys.All, "en"));
        Assert.Empty(library.FindMissing(NumberSpeaker.AllKeys, "en"));
        foreach (string key in PromptKeys.All)
        {
            Assert.Equal($"en/{key}", library.Get(key, "en").Key);
        }
    }

    [Theory]
    [InlineData("en/welcome")]            // prompts the flows and the flow runtime's defaults use
    [InlineData("en/invalid-choice")]
    [InlineData("en/no-input")]
    [InlineData("en/connecting")]
    [InlineData("en/all-agents-busy")]
    [InlineData("en/goodbye")]
    public void CallFlowPrompts_ExistByLibraryKey(string libraryKey)
    {
        PromptLibrary library = PromptLibrary.Load(new PromptLibraryOptions { Directory = Path.Combine(RepositoryRoot, "audio") });

        Assert.Equal(libraryKey, library.Get(libraryKey).Key);
    }

    [Fact]
    public void EverySpokenSentence_IsPlayable()
    {
        PromptLibrary library = PromptLibrary.Load(new PromptLibraryOptions { Directory = Path.Combine(RepositoryRoot, "audio") });

        IReadOnlyList<string> sentence = NumberSpeaker.QueuePosition(3);
        Prompt[] prompts = [.. sentence.Select(key => library.Get(key, "en"))];

        Assert.Equal(["en/queue/you-are-number", "en/digits/3", "en/queue/in-line"], prompts.Select(p => p.Key));
        Assert.All(prompts, p => Assert.Equal(160, p.GetFrame(G711Law.MuLaw, 0).Length));
    }

    [Fact]
    public void Prompts_HaveSensibleLengthsAndLevels()
    {
        PromptLibrary library = PromptLibrary.Load(new PromptLibraryOptions { Directory = Path.Combine(RepositoryRoot, "audio") });

        foreach (string key in PromptKeys.All)
        {
            Prompt prompt = library.Get(key, "en");
            Assert.InRange(prompt.Duration, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(8));

            // Speech, not silence: a good share of the frames carry codes well above the noise floor.
            ReadOnlySpan<byte> audio = prompt.GetAllFrames(G711Law.MuLaw).Span;
            int loud = 0;
            foreach (byte code in audio)
            {
                loud += Math.Abs((int)MuLaw.Decode(code)) > 1000 ? 1 : 0;
            }

            Assert.True(loud > audio.Length / 20, $"{key}: only {loud} of {audio.Length} samples above 1000");
        }
    }

    [Fact]
    public void AudioFolder_StaysSmall()
    {
        long bytes = new DirectoryInfo(Path.Combine(RepositoryRoot, "audio"))
            .EnumerateFiles("*", SearchOption.AllDirectories)
            .Sum(f => f.Length);

        Assert.InRange(bytes, 1, 4 * 1024 * 1024);
    }

    [Fact]
    public void PromptList_NamesEveryKeyTheServerSpeaksExactlyOnce()
    {
        string[] keys = [.. File.ReadAllLines(Path.Combine(RepositoryRoot, "scripts", "prompts.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line[..line.IndexOf('|')])];

        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Subset(new HashSet<string>(keys), new HashSet<string>(PromptKeys.All));
    }

    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        // From the test binaries first; from this source file when they are built elsewhere.
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? string.Empty })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CallCenter.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"CallCenter.sln not found above {AppContext.BaseDirectory} or {sourceFile}.");
    }
}
