using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

/// <summary>The non-throwing entry points, for callers such as a reload that keeps the old configuration.</summary>
public class TryLoadTests
{
    [Fact]
    public void Valid_text_gives_a_configuration_and_no_errors()
    {
        bool loaded = ConfigLoader.TryLoadFromText(Load.Lines("numbers:", "  \"100\": main"), Load.Source, out CallCenterConfig? config, out IReadOnlyList<ConfigError> errors);

        Assert.True(loaded);
        Assert.Equal("main", config!.Numbers["100"]);
        Assert.Equal(Load.Source, config.SourcePath);
        Assert.Empty(errors);
    }

    [Fact]
    public void Invalid_text_gives_the_sorted_errors_and_no_configuration()
    {
        bool loaded = ConfigLoader.TryLoadFromText(Load.Lines("numbers:", "  \"1-2\": main", "queues: []"), Load.Source, out CallCenterConfig? config, out IReadOnlyList<ConfigError> errors);

        Assert.False(loaded);
        Assert.Null(config);
        Assert.Equal([2, 3], errors.Select(e => e.Line));
    }

    [Fact]
    public void Missing_file_gives_one_error_naming_the_path()
    {
        string path = Path.Combine(Path.GetTempPath(), "callcenter-" + Guid.NewGuid().ToString("N"), "callcenter.yaml");

        bool loaded = ConfigLoader.TryLoad(path, out CallCenterConfig? config, out IReadOnlyList<ConfigError> errors);

        Assert.False(loaded);
        Assert.Null(config);
        Assert.Equal(path, Assert.Single(errors).Source);
    }
}
