using CallCenter.Ivr.Graph;
using CallCenter.Ivr.Tests.Runtime;

namespace CallCenter.Ivr.Tests.Graph;

public class FlowGraphTests
{
    [Fact]
    public void The_same_definition_always_gives_the_same_text()
    {
        Assert.Equal(FlowGraph.ToMermaid(GraphSample.MainFlow()), FlowGraph.ToMermaid(GraphSample.MainFlow()));
    }

    [Fact]
    public void Labels_are_the_guard_descriptions_without_trigger_names()
    {
        string mermaid = FlowGraph.ToMermaid(GraphSample.MainFlow());

        Assert.Contains("mainmenu --> account : key 1", mermaid);
        Assert.Contains("mainmenu --> billingqueue : retries used up", mermaid);
        Assert.Contains("checkhours --> chooselanguage : open business-hours", mermaid);
        Assert.Contains("checkhours --> afterhours : otherwise", mermaid);
        Assert.Contains("account --> sayaccount : digits entered", mermaid);
        Assert.Contains("billingqueue --> goodbye : no agent", mermaid);
        Assert.DoesNotContain("Digit [", mermaid);
        Assert.DoesNotContain("Continue", mermaid);
    }

    [Fact]
    public void The_hash_key_is_written_as_a_mermaid_entity()
    {
        string mermaid = FlowGraph.ToMermaid(GraphSample.MainFlow());

        Assert.Contains("chooselanguage --> chooselanguage : key #35;", mermaid);
    }

    [Fact]
    public void Every_edge_of_the_definition_is_an_arrow_of_the_diagram()
    {
        var flow = GraphSample.MainFlow();
        string mermaid = FlowGraph.ToMermaid(flow);

        foreach (var node in flow.Nodes)
        {
            foreach (var edge in node.Edges)
            {
                string label = edge.Label.Replace("#", "#35;", StringComparison.Ordinal);
                Assert.Contains($"{Id(node.Id)} --> {Id(edge.Target)} : {label}", mermaid);
            }
        }

        static string Id(string nodeId) => nodeId.Replace("-", string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void The_diagram_starts_at_the_start_node()
    {
        var flow = new TestFlow("main").StartAt("bye").Hangup("hello", "hello").Hangup("bye", "goodbye").Build();

        Assert.EndsWith("[*] --> bye", FlowGraph.ToMermaid(flow).TrimEnd());
    }
}
