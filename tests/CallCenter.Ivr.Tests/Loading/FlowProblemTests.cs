using CallCenter.Ivr.Loading;

namespace CallCenter.Ivr.Tests.Loading;

public class FlowProblemTests
{
    [Fact]
    public void An_error_prints_as_file_line_column_severity_message()
    {
        var problem = new FlowProblem("ivr-flows/main.yaml", 12, 5, FlowProblemSeverity.Error, "node \"x\": wrong");

        Assert.Equal("ivr-flows/main.yaml:12:5: error: node \"x\": wrong", problem.ToString());
        Assert.True(problem.IsError);
    }

    [Fact]
    public void A_warning_about_the_whole_file_prints_without_a_position()
    {
        var problem = new FlowProblem("ivr-flows/a.yml", 0, 0, FlowProblemSeverity.Warning, "ignored");

        Assert.Equal("ivr-flows/a.yml: warning: ignored", problem.ToString());
        Assert.False(problem.IsError);
    }

    [Fact]
    public void Sorting_puts_whole_file_problems_first_then_by_line_and_column_keeping_ties_in_order()
    {
        FlowProblem[] problems =
        [
            new("f", 3, 1, FlowProblemSeverity.Error, "c"),
            new("f", 1, 9, FlowProblemSeverity.Error, "b"),
            new("f", 1, 2, FlowProblemSeverity.Warning, "a1"),
            new("f", 1, 2, FlowProblemSeverity.Error, "a2"),
            new("f", 0, 0, FlowProblemSeverity.Error, "file"),
        ];

        Assert.Equal(["file", "a1", "a2", "b", "c"], FlowProblem.SortByPosition(problems).Select(p => p.Message));
    }
}
