using CallCenter.Server.Flows;

namespace CallCenter.Server.Tests;

/// <summary>The <c>flows check</c> and <c>flows graph</c> commands, run in-process as the program runs them.</summary>
public sealed class FlowCommandTests : IDisposable
{
    private readonly List<string> _temporaryFolders = [];

    public void Dispose()
    {
        foreach (string folder in _temporaryFolders)
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = FlowCommands.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A copy of the repository's flows with <paramref name="find"/> replaced in <paramref name="file"/>; returns the copy and the 1-based line and column of the replacement.</summary>
    private (string Folder, int Line, int Column) BrokenCopy(string file, string find, string replaceWith)
    {
        string folder = RepositoryFolders.CopyOfFlows();
        _temporaryFolders.Add(folder);
        string path = Path.Combine(folder, file);
        string text = File.ReadAllText(path);
        int at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{find} not in {file}");
        File.WriteAllText(path, text[..at] + replaceWith + text[(at + find.Length)..]);
        int line = text[..at].Count(c => c == '\n') + 1;
        int column = at - text.LastIndexOf('\n', at - 1);
        return (folder, line, column);
    }

    [Fact]
    public void Only_arguments_starting_with_flows_are_commands()
    {
        Assert.True(FlowCommands.Handles(["flows", "check"]));
        Assert.False(FlowCommands.Handles(["--Sip:Port=5090"]));
        Assert.False(FlowCommands.Handles([]));
    }

    [Fact]
    public void Check_passes_on_the_repository_flows_and_ends_with_the_summary()
    {
        var (code, output, _) = Run("flows", "check", RepositoryFolders.Flows);

        Assert.Equal(0, code);
        string[] lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal($"checking {RepositoryFolders.Flows} against the prompts in {Path.Combine(RepositoryFolders.Root, "audio")} (en, ms, tl)", lines[0]);
        Assert.Matches($"^{RepositoryFolders.FlowNames.Count} flows checked: 0 errors, [0-9]+ warnings?$", lines[^1]);
        Assert.All(lines[1..^1], line => Assert.Matches(@"^.+\.yaml:[0-9]+:[0-9]+: warning: .+$", line));
        Assert.DoesNotContain(": error: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_fails_on_a_broken_copy_with_each_error_at_its_line_and_column()
    {
        var (folder, line, column) = BrokenCopy("main.yaml", "fallback: english", "fallback: englsh");
        int valueColumn = column + "fallback: ".Length;

        var (code, output, _) = Run("flows", "check", folder);

        Assert.Equal(1, code);
        string main = Path.Combine(folder, "main.yaml");
        Assert.Contains($"{main}:{line}:{valueColumn}: error: node \"choose-language\": \"fallback\" names node \"englsh\" but there is no such node (did you mean \"english\"?)\n", output, StringComparison.Ordinal);
        Assert.Matches($"\n{RepositoryFolders.FlowNames.Count} flows checked: [1-9][0-9]* errors?, [0-9]+ warnings?\n$", output);
    }

    [Fact]
    public void Check_reports_a_transfer_to_a_deleted_flow()
    {
        string folder = RepositoryFolders.CopyOfFlows();
        _temporaryFolders.Add(folder);
        File.WriteAllText(Path.Combine(folder, "handoff.yaml"), "flow: handoff\nstart: go\nnodes:\n  go:\n    type: transfer\n    flow: survey\n");
        File.Delete(Path.Combine(folder, "survey.yaml"));

        var (code, output, _) = Run("flows", "check", folder);

        Assert.Equal(1, code);
        Assert.Contains($"{Path.Combine(folder, "handoff.yaml")}:4:3: error: node \"go\": \"flow\" names flow \"survey\" but there is no file \"survey.yaml\" among the flows", output, StringComparison.Ordinal);
        Assert.Contains($"\n{RepositoryFolders.FlowNames.Count} flows checked: 1 error, ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_of_a_missing_folder_fails_naming_it()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-flows-" + Guid.NewGuid().ToString("N"));

        var (code, output, _) = Run("flows", "check", missing);

        Assert.Equal(1, code);
        Assert.Contains($"{missing}: error: the flows folder does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_prints_the_mermaid_diagram_and_nothing_else()
    {
        var (code, output, error) = Run("flows", "graph", Path.Combine(RepositoryFolders.Flows, "main.yaml"));

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("stateDiagram-v2\n", output, StringComparison.Ordinal);
        Assert.Contains("\tmainmenu : main-menu\n", output, StringComparison.Ordinal);
        Assert.EndsWith("[*] --> welcome\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_of_a_file_with_errors_prints_them_and_exits_1()
    {
        var (folder, line, column) = BrokenCopy("survey.yaml", "type: collect", "type: colect");

        var (code, output, error) = Run("flows", "graph", Path.Combine(folder, "survey.yaml"));

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"{Path.Combine(folder, "survey.yaml")}:{line}:{column + "type: ".Length}: error: ", error, StringComparison.Ordinal);
        Assert.EndsWith("has errors; fix them (flows check lists them all) and draw it again\n", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("flows")]
    [InlineData("flows", "chek")]
    [InlineData("flows", "graph")]
    [InlineData("flows", "graph", "a.yaml", "b.yaml")]
    [InlineData("flows", "check", "a", "b")]
    [InlineData("flows", "check", "--verbose")]
    public void A_bad_command_line_prints_the_usage_and_exits_2(params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("usage: CallCenter.Server flows check [DIR]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_prints_the_usage_and_exits_0()
    {
        var (code, output, _) = Run("flows", "--help");

        Assert.Equal(0, code);
        Assert.Contains("flows graph FILE", output, StringComparison.Ordinal);
    }
}
