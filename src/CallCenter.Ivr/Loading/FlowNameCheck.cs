using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>A flow's <c>flow:</c> name must be its file name without <c>.yaml</c>: numbers and transfers find flows by file.</summary>
internal static class FlowNameCheck
{
    /// <summary>The name a flow in <paramref name="path"/> must have.</summary>
    public static string NameOf(string path) => Path.GetFileNameWithoutExtension(path);

    /// <summary>The problem with the name, or null when it matches (or was already reported as unreadable).</summary>
    public static FlowProblem? Check(FlowDefinition flow, string expectedName)
    {
        if (!Tokens.IsFlowName(expectedName))
        {
            return FlowProblem.Error(
                flow.SourcePath,
                FlowPosition.File,
                $"the file name {Describe.Quote(expectedName)} cannot be a flow name; rename the file to letters, digits, '-' and '_' followed by .yaml (e.g. main.yaml)");
        }

        if (flow.Name.Length == 0 || string.Equals(flow.Name, expectedName, StringComparison.Ordinal))
        {
            return null;
        }

        return FlowProblem.Error(
            flow.SourcePath,
            flow.NamePosition,
            $"the flow is named {Describe.Quote(flow.Name)} but its file is {Describe.Quote(expectedName + FlowLoader.FileExtension)}; \"flow\" must be the file name without .yaml, so rename one of them");
    }
}
