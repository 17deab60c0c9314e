using CallCenter.Ivr.Prompts;
using CallCenter.Server.Calls;

namespace CallCenter.Server.Flows;

/// <summary>
/// Which prompts the <c>flows</c> commands check against: the <c>audio</c> folder beside the flows folder (the
/// repository layout: <c>ivr-flows/</c> and <c>audio/</c> side by side), else the one the server would use.
/// </summary>
internal static class FlowCommandPrompts
{
    private const string AudioFolder = "audio";

    /// <summary>The audio folder for flows in <paramref name="flowsDirectory"/>.</summary>
    public static string AudioRootFor(string flowsDirectory)
    {
        string? parent = Path.GetDirectoryName(Path.GetFullPath(flowsDirectory));
        string beside = parent is null ? AudioFolder : Path.Combine(parent, AudioFolder);
        return Directory.Exists(beside) ? beside : ContentPath.Resolve(AudioFolder);
    }

    /// <summary>The prompts on disk for flows in <paramref name="flowsDirectory"/>, with the folder they were read from.</summary>
    public static (IPromptCatalog Catalog, string AudioRoot) For(string flowsDirectory)
    {
        string root = AudioRootFor(flowsDirectory);
        return (new DirectoryPromptCatalog(root), root);
    }
}
