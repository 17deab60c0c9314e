using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;
using CallCenter.Ivr.Prompts;

namespace CallCenter.Ivr.Tests.Loading;

/// <summary>Shortcuts for the loader and validator tests.</summary>
internal static class FlowTestSupport
{
    public const string Source = "test.yaml";

    /// <summary>Loads flow text with the graph checks but no prompt checks.</summary>
    public static FlowLoadResult Load(string yaml) => FlowLoader.Load(yaml, Source);

    /// <summary>Loads flow text that must be valid, failing the test with the problems otherwise.</summary>
    public static FlowDefinition LoadValid(string yaml)
    {
        FlowLoadResult result = Load(yaml);
        Assert.True(result.Flow is not null, string.Join(Environment.NewLine, result.Problems));
        return result.Flow!;
    }

    /// <summary>The one problem the text has, failing the test when it has none or several.</summary>
    public static FlowProblem SingleProblem(string yaml, IPromptCatalog? prompts = null)
    {
        FlowLoadResult result = FlowLoader.Load(yaml, Source, prompts);
        Assert.True(result.Problems.Count == 1, "expected one problem, got:" + Environment.NewLine + string.Join(Environment.NewLine, result.Problems));
        return result.Problems[0];
    }

    /// <summary>Asserts an error at a line and column whose message contains every one of <paramref name="parts"/>.</summary>
    public static void AssertError(FlowProblem problem, int line, int column, params string[] parts)
    {
        Assert.Equal(FlowProblemSeverity.Error, problem.Severity);
        Assert.True((line, column) == (problem.Line, problem.Column), $"expected {line}:{column}, got {problem}");
        foreach (string part in parts)
        {
            Assert.True(problem.Message.Contains(part, StringComparison.Ordinal), $"expected the message to contain:{Environment.NewLine}{part}{Environment.NewLine}but it is:{Environment.NewLine}{problem.Message}");
        }
    }

    /// <summary>A flow whose nodes are the given YAML (indented by four spaces), starting at the first node.</summary>
    public static string WithNodes(string start, string nodes) =>
        $"flow: test\nstart: {start}\nnodes:\n{nodes}";

    /// <summary>A catalog holding every prompt in <paramref name="languages"/> except the given "lang/name" keys.</summary>
    public static IPromptCatalog CatalogWithout(string[] languages, params string[] missing) =>
        new FakePromptCatalog(languages, (language, name) => !missing.Contains(language + "/" + name));
}

/// <summary>A prompt catalog answering from a function, standing in for the audio folder.</summary>
internal sealed class FakePromptCatalog(IReadOnlyList<string> languages, Func<string, string, bool> exists) : IPromptCatalog
{
    public IReadOnlyList<string> Languages { get; } = languages;

    public bool Exists(string language, string name) => Languages.Contains(language) && exists(language, name);
}
