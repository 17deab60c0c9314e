using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class ErrorReportingTests
{
    [Fact]
    public void All_problems_are_reported_together_sorted_by_line()
    {
        string yaml = Load.Lines(
            "numbers:",
            "  \"1-800\": main",
            "agents:",
            "  - extension: \"1001\"",
            "    name: Ana",
            "    secret: \"ha1:xyz\"",
            "    skills: { Sales: 3, support: 11 }",
            "  - extension: \"10 02\"",
            "    name: Ben",
            "    secret: pw",
            "colour: blue");

        ConfigException failure = Load.Failure(yaml);

        Assert.Equal(
            [(2, 3), (6, 13), (7, 15), (7, 34), (8, 16), (11, 1)],
            failure.Errors.Select(e => (e.Line, e.Column)));
        Assert.Equal(string.Join('\n', failure.Errors.Select(e => e.ToString())), failure.Message);
    }

    [Fact]
    public void Message_lines_use_file_line_column_prefix()
    {
        ConfigException failure = Load.Failure(Load.Lines("agents: 5"));

        Assert.Equal(
            "config/test.yaml:1:9: agents must be a list of agents, each item starting with \"- extension:\" (found 5)",
            failure.Message);
    }

    [Fact]
    public void Error_without_a_position_omits_line_and_column()
    {
        Assert.Equal("x.yaml: gone", new ConfigError("x.yaml", 0, 0, "gone").ToString());
    }

    [Fact]
    public void Exception_sorts_the_errors_it_is_given()
    {
        var failure = new ConfigException([new ConfigError("f", 9, 1, "late"), new ConfigError("f", 2, 5, "b"), new ConfigError("f", 2, 1, "a")]);

        Assert.Equal(["a", "b", "late"], failure.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Exception_needs_at_least_one_error()
    {
        Assert.Throws<ArgumentException>(() => new ConfigException([]));
    }

    [Fact]
    public void Long_or_multiline_text_is_shortened_and_kept_on_one_line_in_messages()
    {
        ConfigError error = Load.SingleError(Load.Lines("numbers:", "  \"100\": \"a\\nb" + new string('c', 60) + "\""));

        Assert.DoesNotContain('\n', error.Message);
        // 40 characters are kept: 'a', the line break (escaped), 'b' and 37 of the 'c's.
        Assert.Contains("\"a\\u000Ab" + new string('c', 37) + "…\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_reached_through_two_aliases_is_reported_once_per_agent()
    {
        ConfigException failure = Load.Failure(Load.Lines(
            "agents:",
            "  - { extension: \"1\", name: A, secret: a, skills: &shared { Bad: 1 } }",
            "  - { extension: \"2\", name: B, secret: b, skills: *shared }",
            "  - { extension: \"3\", name: C, secret: c, skills: *shared }"));

        Assert.Equal(3, failure.Errors.Count);
        Assert.All(failure.Errors, e => Assert.Equal((2, 61), (e.Line, e.Column)));
    }
}
