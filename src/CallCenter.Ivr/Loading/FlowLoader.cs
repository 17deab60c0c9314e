using CallCenter.Config;
using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Prompts;
using CallCenter.Ivr.Validation;

namespace CallCenter.Ivr.Loading;

/// <summary>
/// Reads one flow file (<c>ivr-flows/NAME.yaml</c>) into a <see cref="FlowDefinition"/>, reporting every problem
/// at once as <c>FILE:LINE:COLUMN: error: message</c>. Never throws for bad input: the problems are the answer.
/// </summary>
public static class FlowLoader
{
    /// <summary>The file name ending of flow files.</summary>
    public const string FileExtension = ".yaml";

    /// <summary>
    /// Reads flow text and checks its graph (targets, reachability, loops, exits) but not its prompts.
    /// <paramref name="sourcePath"/> names the text in messages and becomes <see cref="FlowDefinition.SourcePath"/>.
    /// </summary>
    public static FlowLoadResult Load(string yaml, string sourcePath) => Load(yaml, sourcePath, prompts: null);

    /// <summary>Reads flow text and checks everything, including that its prompts are recorded in <paramref name="prompts"/> (null skips the prompt checks).</summary>
    public static FlowLoadResult Load(string yaml, string sourcePath, IPromptCatalog? prompts)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourcePath);
        return Read(yaml, sourcePath, prompts, expectedName: null);
    }

    /// <summary>
    /// Reads the flow file at <paramref name="path"/> and checks everything, including that the <c>flow:</c> name
    /// is the file name. A file that cannot be read is reported as a problem, not thrown.
    /// </summary>
    public static FlowLoadResult LoadFile(string path, IPromptCatalog? prompts)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FlowFileText.TryRead(path, out string? text, out FlowProblem? readProblem)
            ? Read(text, path, prompts, FlowNameCheck.NameOf(path))
            : new FlowLoadResult(null, [readProblem]);
    }

    /// <summary>Reads and checks; when <paramref name="expectedName"/> is given, <c>flow:</c> must equal it.</summary>
    internal static FlowLoadResult Read(string yaml, string sourcePath, IPromptCatalog? prompts, string? expectedName) =>
        ReadDraft(yaml, sourcePath, prompts, expectedName).Result;

    /// <summary>As <see cref="Read"/>, also returning what was built even when there are errors (null after a syntax error).</summary>
    internal static (FlowLoadResult Result, FlowDraft? Draft) ReadDraft(string yaml, string sourcePath, IPromptCatalog? prompts, string? expectedName)
    {
        var errors = new ErrorCollector(sourcePath);
        var values = new FlowValues(errors);
        Node? root = YamlTreeReader.Read(yaml, errors);

        // A null root after a syntax error means the text could not be read to the end; checking the part before
        // it would only add misleading "missing" messages.
        FlowDraft? draft = root is null && errors.HasErrors ? null : FlowDocumentReader.Read(root, sourcePath, values);
        List<FlowProblem> problems = [.. errors.Sorted().Select(ToProblem)];
        if (draft is not null)
        {
            problems.AddRange(FlowValidator.Check(draft, prompts));
            if (expectedName is not null && FlowNameCheck.Check(draft.Flow, expectedName) is { } misnamed)
            {
                problems.Add(misnamed);
            }
        }

        IReadOnlyList<FlowProblem> sorted = FlowProblem.SortByPosition(problems);
        bool usable = draft is not null && !sorted.Any(p => p.IsError);
        return (new FlowLoadResult(usable ? draft!.Flow : null, sorted), draft);
    }

    private static FlowProblem ToProblem(ConfigError error) =>
        new(error.Source, error.Line, error.Column, FlowProblemSeverity.Error, error.Message);
}
