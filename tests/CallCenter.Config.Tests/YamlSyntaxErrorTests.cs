using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class YamlSyntaxErrorTests
{
    [Fact]
    public void Unclosed_quote_is_reported_where_the_quoted_text_starts()
    {
        Load.FailsWith(
            Load.Lines("agents:", "  - extension: \"1001", "    name: x"),
            line: 2, column: 16,
            "YAML syntax error: the quoted text that starts here has no closing quote, or continues on a line that is not indented enough");
    }

    [Fact]
    public void Quote_left_open_at_the_end_of_the_file_is_reported()
    {
        Load.FailsWith(
            "numbers:\n  \"100\": 'main",
            line: 2, column: 10,
            "YAML syntax error: the quoted text that starts here has no closing quote");
    }

    [Fact]
    public void Key_value_inside_a_plain_value_is_explained_in_operator_terms()
    {
        ConfigError error = Load.SingleError(Load.Lines("numbers:", "  \"100\": main: menu"));

        Assert.Equal((2, 14), (error.Line, error.Column));
        Assert.StartsWith("YAML syntax error: a \"key: value\" is not allowed here", error.Message);
    }

    [Fact]
    public void Wrongly_indented_key_is_reported()
    {
        ConfigError error = Load.SingleError(Load.Lines("agents:", "  - extension: \"1001\"", "    name: x", "   secret: y"));

        Assert.Equal(4, error.Line);
        Assert.StartsWith("YAML syntax error:", error.Message);
    }

    [Fact]
    public void Tab_indentation_is_reported_on_the_line_with_the_tab()
    {
        Load.FailsWith(
            Load.Lines("agents:", "\t- extension: \"1001\""),
            line: 2, column: 1,
            "YAML syntax error: tabs cannot be used to indent YAML; indent with spaces");
    }

    [Fact]
    public void Unclosed_flow_list_points_at_its_opening_bracket()
    {
        // YamlDotNet throws a bare InvalidOperationException for this input; it must still be reported.
        Load.FailsWith(
            Load.Lines("agents: [1, 2", "numbers: {}"),
            line: 1, column: 9,
            "YAML syntax error: cannot read the '[' that starts here; check that it is closed with ']' and its items are separated by commas");
    }

    [Fact]
    public void Malformed_tag_is_reported_without_a_crash()
    {
        // YamlDotNet throws ArgumentException for an empty verbatim tag.
        ConfigError error = Load.SingleError("agents: !<> x\n");

        Assert.StartsWith("YAML syntax error:", error.Message);
        Assert.True(error.Line >= 1);
    }

    [Fact]
    public void Second_document_is_refused()
    {
        Load.FailsWith(
            Load.Lines("numbers: {}", "---", "agents: []"),
            line: 2, column: 1,
            "the file holds more than one YAML document (a second \"---\" line); keep all settings in one document");
    }

    [Fact]
    public void Alias_to_an_undefined_anchor_suggests_quoting()
    {
        Load.FailsWith(
            Load.Lines("numbers:", "  \"100\": *main"),
            line: 2, column: 10,
            "\"*main\" refers to an anchor \"&main\" that is not defined earlier in the file; to write text that starts with '*', put it in quotes");
    }

    [Fact]
    public void Unsupported_tag_is_refused()
    {
        Load.FailsWith(
            Load.Lines("numbers:", "  \"100\": !flow main"),
            line: 2, column: 10,
            "the YAML tag \"!flow\" is not supported in this file; remove it");
    }

    [Fact]
    public void Excessive_nesting_is_refused_at_the_limit()
    {
        string deep = "agents: " + new string('[', 100_000);

        ConfigError error = Load.SingleError(deep);

        Assert.Equal((1, 9 + YamlDepthBeforeLimit), (error.Line, error.Column));
        Assert.Equal("lists and mappings are nested more than 32 levels deep here", error.Message);
    }

    [Fact]
    public void A_syntax_error_suppresses_checks_of_the_unreadable_document()
    {
        // Without the closing quote the agent has no name or secret; those would be noise.
        ConfigException failure = Load.Failure(Load.Lines("agents:", "  - extension: \"1001"));

        Assert.Single(failure.Errors);
    }

    // The top-level mapping is level 1, so the 32nd '[' (index 31) is the first one refused.
    private const int YamlDepthBeforeLimit = 31;
}
