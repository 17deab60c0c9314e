using CallCenter.Ivr.Catalog;
using CallCenter.Ivr.Prompts;
using Microsoft.Extensions.Time.Testing;
using static CallCenter.Ivr.Tests.Loading.FlowTestSupport;

namespace CallCenter.Ivr.Tests.Catalog;

/// <summary>A temporary flows folder with a catalog over it, on a fake clock.</summary>
internal sealed class FlowFolder : IDisposable
{
    private static readonly IPromptCatalog AllPrompts = CatalogWithout(["en"]);

    public FlowFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "flow-catalog-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Time { get; } = new();

    public CapturingLogger<FlowCatalog> Logger { get; } = new();

    /// <summary>A flow that answers and hangs up; <paramref name="version"/> goes in its description.</summary>
    public static string Hangup(string name, string version = "v1") =>
        $"flow: {name}\ndescription: {version}\nstart: bye\nnodes:\n  bye:\n    type: hangup\n";

    /// <summary>A flow whose only node transfers to <paramref name="target"/>.</summary>
    public static string TransferTo(string name, string target) =>
        $"flow: {name}\nstart: go\nnodes:\n  go:\n    type: transfer\n    flow: {target}\n";

    public string FileOf(string flow) => System.IO.Path.Combine(Path, flow + ".yaml");

    public void Write(string flow, string text) => File.WriteAllText(FileOf(flow), text);

    public FlowCatalog NewCatalog(IPromptCatalog? prompts = null) => new(Path, prompts ?? AllPrompts, Time, Logger);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
