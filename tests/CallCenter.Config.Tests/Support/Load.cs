namespace CallCenter.Config.Tests.Support;

/// <summary>Shortcuts for loading test YAML and inspecting the problems reported.</summary>
internal static class Load
{
    public const string Source = "config/test.yaml";

    public static CallCenterConfig Valid(string yaml) => ConfigLoader.LoadFromText(yaml, Source);

    public static ConfigException Failure(string yaml) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.LoadFromText(yaml, Source));

    /// <summary>Asserts exactly one problem is reported and returns it.</summary>
    public static ConfigError SingleError(string yaml) => Assert.Single(Failure(yaml).Errors);

    /// <summary>Asserts the one problem reported is at the given place with the given message.</summary>
    public static void FailsWith(string yaml, int line, int column, string message)
    {
        ConfigError error = SingleError(yaml);
        Assert.Equal((Source, line, column, message), (error.Source, error.Line, error.Column, error.Message));
    }

    /// <summary>Lines joined with '\n', so tests can lay YAML out one line per string.</summary>
    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";
}
