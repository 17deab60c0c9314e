using CallCenter.Ivr.Prompts;

namespace CallCenter.Ivr.Tests.Prompts;

public sealed class PromptCatalogTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ivr-prompts-" + Guid.NewGuid().ToString("N"));

    public PromptCatalogTests()
    {
        foreach (string file in new[] { "en/welcome.wav", "en/main/menu.wav", "tl/welcome.wav", "ms/readme.txt" })
        {
            string path = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, []);
        }

        File.WriteAllBytes(Path.Combine(_root, "secret.wav"), []);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Languages_are_the_folders_sorted()
    {
        Assert.Equal(["en", "ms", "tl"], new DirectoryPromptCatalog(_root).Languages);
    }

    [Theory]
    [InlineData("en", "welcome", true)]
    [InlineData("en", "main/menu", true)]
    [InlineData("tl", "welcome", true)]
    [InlineData("tl", "main/menu", false)]
    [InlineData("ms", "readme", false)]
    [InlineData("fr", "welcome", false)]
    [InlineData("en", "welcome.wav", false)]
    [InlineData("en", "../secret", false)]
    [InlineData("..", "secret", false)]
    [InlineData("en/..", "secret", false)]
    [InlineData("en", "/etc/passwd", false)]
    [InlineData("en", "", false)]
    public void A_prompt_exists_when_its_wav_file_does(string language, string name, bool exists)
    {
        Assert.Equal(exists, new DirectoryPromptCatalog(_root).Exists(language, name));
    }

    [Fact]
    public void A_missing_folder_has_no_languages_and_no_prompts()
    {
        var catalog = new DirectoryPromptCatalog(Path.Combine(_root, "nothing-here"));

        Assert.Empty(catalog.Languages);
        Assert.False(catalog.Exists("en", "welcome"));
    }

    [Fact]
    public void A_key_catalog_splits_library_keys_at_the_first_slash()
    {
        var catalog = new PromptKeyCatalog(["en/welcome", "en/digits/3", "tl/welcome", "stray"]);

        Assert.Equal(["en", "tl"], catalog.Languages);
        Assert.True(catalog.Exists("en", "digits/3"));
        Assert.False(catalog.Exists("tl", "digits/3"));
        Assert.False(catalog.Exists("stray", ""));
    }

    [Theory]
    [InlineData("welcome", true)]
    [InlineData("main/choose-language", true)]
    [InlineData("digits/3", true)]
    [InlineData("queue/you_are", true)]
    [InlineData("", false)]
    [InlineData("a//b", false)]
    [InlineData("/a", false)]
    [InlineData("a/", false)]
    [InlineData("..", false)]
    [InlineData("a b", false)]
    [InlineData("a\\b", false)]
    [InlineData("welcome.wav", false)]
    public void Prompt_names_are_slash_separated_words(string name, bool valid)
    {
        Assert.Equal(valid, PromptName.IsValid(name));
    }
}
