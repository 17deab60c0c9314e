using CallCenter.Ivr.Graph;
using CallCenter.Ivr.Loading;

namespace CallCenter.Ivr.Tests.Graph;

/// <summary>
/// Each flow in <c>ivr-flows/</c> has its diagram committed beside it (<c>NAME.mmd</c>, rendered by GitHub and
/// editors), and the diagram must be what <c>flows graph</c> draws today: the flow file is the one source of truth.
/// </summary>
public class CommittedDiagramTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "SampleFlows");

    public static TheoryData<string> FlowNames =>
        new(Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal));

    private static string Regenerate(string flow) =>
        $"regenerate it from the repository root with:{Environment.NewLine}" +
        $"  dotnet run --project src/CallCenter.Server -- flows graph ivr-flows/{flow}.yaml > ivr-flows/{flow}.mmd";

    [Theory]
    [MemberData(nameof(FlowNames))]
    public void Each_flow_draws_as_its_committed_diagram(string flow)
    {
        FlowLoadResult loaded = FlowLoader.LoadFile(Path.Combine(Folder, flow + ".yaml"), prompts: null);
        Assert.True(loaded.Flow is not null, string.Join(Environment.NewLine, loaded.Problems));
        string diagram = Path.Combine(Folder, flow + ".mmd");
        Assert.True(File.Exists(diagram), $"ivr-flows/{flow}.mmd is missing; {Regenerate(flow)}");

        string committed = File.ReadAllText(diagram).ReplaceLineEndings("\n");
        string drawn = FlowGraph.ToMermaid(loaded.Flow!);

        Assert.True(committed == drawn, $"ivr-flows/{flow}.mmd is out of date ({FirstDifference(committed, drawn)}); {Regenerate(flow)}");
    }

    [Fact]
    public void Every_committed_diagram_belongs_to_a_flow()
    {
        string[] stale = [.. Directory.EnumerateFiles(Folder, "*.mmd").Where(d => !File.Exists(Path.ChangeExtension(d, ".yaml"))).Select(Path.GetFileName).OfType<string>()];

        Assert.True(stale.Length == 0, $"diagrams without a flow file (delete them from ivr-flows/): {string.Join(", ", stale)}");
    }

    [Fact]
    public void The_sample_folder_has_flows_to_compare()
    {
        Assert.NotEmpty(FlowNames);
    }

    [Theory]
    [InlineData("a\nb\n", "a\nb\n", "identical")]
    [InlineData("a\nb\n", "a\nc\n", "line 2 is \"b\" but the flow draws \"c\"")]
    [InlineData("a\n", "a\nb\n", "line 2 is \"\" but the flow draws \"b\"")]
    public void The_failure_message_points_at_the_first_differing_line(string committed, string drawn, string expected)
    {
        Assert.Equal(expected, FirstDifference(committed, drawn));
    }

    private static string FirstDifference(string committed, string drawn)
    {
        string[] left = committed.Split('\n');
        string[] right = drawn.Split('\n');
        for (int i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            string a = i < left.Length ? left[i] : string.Empty;
            string b = i < right.Length ? right[i] : string.Empty;
            if (a != b)
            {
                return $"line {i + 1} is \"{a}\" but the flow draws \"{b}\"";
            }
        }

        return "identical";
    }
}
