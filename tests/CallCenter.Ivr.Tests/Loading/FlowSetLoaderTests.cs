using CallCenter.Ivr.Loading;
using CallCenter.Ivr.Prompts;
using static CallCenter.Ivr.Tests.Loading.FlowTestSupport;

namespace CallCenter.Ivr.Tests.Loading;

/// <summary>A folder of flows checked as a set: names, transfers between flows, and which flows can be used.</summary>
public sealed class FlowSetLoaderTests : IDisposable
{
    private static readonly IPromptCatalog AllPrompts = CatalogWithout(["en"]);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ivr-flows-" + Guid.NewGuid().ToString("N"));

    public FlowSetLoaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Flow(string name, string nodes = "  bye:\n    type: hangup\n", string start = "bye") =>
        $"flow: {name}\nstart: {start}\nnodes:\n{nodes}";

    private static string TransferTo(string name, string target) =>
        Flow(name, $"  go:\n    type: transfer\n    flow: {target}\n", "go");

    private static FlowSet LoadSet(params (string File, string Text)[] files) =>
        FlowSetLoader.Load(files.Select(f => new FlowSource("ivr-flows/" + f.File, f.Text)), AllPrompts);

    [Fact]
    public void Valid_flows_are_returned_by_name_with_a_clean_summary()
    {
        FlowSet set = LoadSet(("main.yaml", TransferTo("main", "survey")), ("survey.yaml", Flow("survey")));

        Assert.Equal(["main", "survey"], set.Flows.Keys.Order());
        Assert.Empty(set.Problems);
        Assert.Equal("2 flows checked: 0 errors, 0 warnings", set.Summary);
    }

    [Fact]
    public void The_flow_name_must_be_the_file_name()
    {
        FlowSet set = LoadSet(("main.yaml", Flow("mian")));

        Assert.Empty(set.Flows);
        Assert.Equal(
            "ivr-flows/main.yaml:1:7: error: the flow is named \"mian\" but its file is \"main.yaml\"; \"flow\" must be the file name without .yaml, so rename one of them",
            Assert.Single(set.Problems).ToString());
        Assert.Equal("1 flow checked: 1 error, 0 warnings", set.Summary);
    }

    [Fact]
    public void A_file_name_that_cannot_be_a_flow_name_is_reported()
    {
        FlowSet set = LoadSet(("my flow.yaml", Flow("my-flow")));

        Assert.StartsWith("ivr-flows/my flow.yaml: error: the file name \"my flow\" cannot be a flow name", Assert.Single(set.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_transfer_to_a_flow_without_a_file_suggests_the_likely_one()
    {
        FlowSet set = LoadSet(("main.yaml", TransferTo("main", "survy")), ("survey.yaml", Flow("survey")));

        Assert.Equal(["survey"], set.Flows.Keys);
        Assert.Equal(
            "ivr-flows/main.yaml:4:3: error: node \"go\": \"flow\" names flow \"survy\" but there is no file \"survy.yaml\" among the flows (did you mean \"survey\"?)",
            Assert.Single(set.Problems).ToString());
    }

    [Fact]
    public void A_flow_that_transfers_to_a_broken_flow_is_left_out_too_and_so_on_down_the_chain()
    {
        FlowSet set = LoadSet(
            ("a.yaml", TransferTo("a", "b")),
            ("b.yaml", TransferTo("b", "c")),
            ("c.yaml", Flow("c", "  bye:\n    type: hangup\n    prompts: [bad.wav]\n")),
            ("d.yaml", Flow("d")));

        Assert.Equal(["d"], set.Flows.Keys);
        Assert.Equal(
            [
                "ivr-flows/a.yaml:4:3: error: node \"go\": \"flow\" names flow \"b\", which cannot be used until the errors in its file are fixed",
                "ivr-flows/b.yaml:4:3: error: node \"go\": \"flow\" names flow \"c\", which cannot be used until the errors in its file are fixed",
                "ivr-flows/c.yaml:6:15: error: node \"bye\": \"prompts\": \"bad.wav\" is not a prompt name; leave out \".wav\"",
            ],
            set.Problems.Select(p => p.ToString()));
        Assert.Equal("4 flows checked: 3 errors, 0 warnings", set.Summary);
    }

    [Fact]
    public void Transfers_are_checked_in_flows_that_have_other_errors_too()
    {
        FlowSet set = LoadSet(("main.yaml", TransferTo("main", "nowhere") + "  extra:\n    type: hangup\n"));

        Assert.Equal(
            [
                "ivr-flows/main.yaml:4:3: error: node \"go\": \"flow\" names flow \"nowhere\" but there is no file \"nowhere.yaml\" among the flows",
                "ivr-flows/main.yaml:7:3: error: node \"extra\" can never be reached from the start node \"go\"; lead to it from another node, or remove it",
            ],
            set.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_flow_with_only_warnings_is_used()
    {
        FlowSet set = FlowSetLoader.Load([new FlowSource("main.yaml", Flow("main"))], CatalogWithout(["en", "tl"], "tl/goodbye"));

        Assert.Equal(["main"], set.Flows.Keys);
        Assert.Equal(1, set.WarningCount);
        Assert.False(set.HasErrors);
        Assert.Equal("1 flow checked: 0 errors, 1 warning", set.Summary);
    }

    [Fact]
    public void A_folder_is_read_file_by_file_and_yml_files_are_pointed_out()
    {
        File.WriteAllText(Path.Combine(_folder, "main.yaml"), TransferTo("main", "survey"));
        File.WriteAllText(Path.Combine(_folder, "survey.yaml"), Flow("survey"));
        File.WriteAllText(Path.Combine(_folder, "old.yml"), Flow("old"));
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not a flow");

        FlowSet set = FlowSetLoader.LoadDirectory(_folder, AllPrompts);

        Assert.Equal(["main", "survey"], set.Flows.Keys.Order());
        Assert.Equal(
            $"{Path.Combine(_folder, "old.yml")}: warning: this file is ignored: flow files must end in .yaml, not .yml",
            Assert.Single(set.Problems).ToString());
        Assert.Equal("2 flows checked: 0 errors, 1 warning", set.Summary);
    }

    [Fact]
    public void A_missing_folder_is_one_error()
    {
        string missing = Path.Combine(_folder, "nope");

        FlowSet set = FlowSetLoader.LoadDirectory(missing, AllPrompts);

        Assert.Empty(set.Flows);
        Assert.Equal($"{missing}: error: the flows folder does not exist (looked for {missing})", Assert.Single(set.Problems).ToString());
        Assert.Equal("0 flows checked: 1 error, 0 warnings", set.Summary);
    }

    [Fact]
    public void Load_file_checks_the_name_against_the_file()
    {
        string path = Path.Combine(_folder, "main.yaml");
        File.WriteAllText(path, Flow("other"));

        FlowLoadResult result = FlowLoader.LoadFile(path, AllPrompts);

        Assert.Null(result.Flow);
        Assert.Contains("the flow is named \"other\" but its file is \"main.yaml\"", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_file_reports_a_missing_file_instead_of_throwing()
    {
        string path = Path.Combine(_folder, "absent.yaml");

        FlowLoadResult result = FlowLoader.LoadFile(path, prompts: null);

        Assert.Equal($"{path}: error: the flow file does not exist (looked for {path})", Assert.Single(result.Problems).ToString());
    }
}
