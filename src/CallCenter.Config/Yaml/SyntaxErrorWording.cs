namespace CallCenter.Config.Yaml;

/// <summary>
/// Rewords the YAML parser's messages for the most common editing slips into advice an
/// operator can act on; anything else is passed through unchanged.
/// </summary>
internal static class SyntaxErrorWording
{
    private const string Prefix = "YAML syntax error: ";

    private const string TabProblem = " tab ";

    private static readonly (string ParserSays, string Advice)[] KnownProblems =
    [
        ("found invalid mapping", "a \"key: value\" is not allowed here; check this line's indentation, or put quotes around a value that contains \": \""),
        ("mapping values are not allowed", "a \"key: value\" is not allowed here; check this line's indentation, or put quotes around a value that contains \": \""),
        ("did not find expected key", "expected another \"key: value\" line at this indentation; check the indentation of this line"),
        ("did not find expected '-' indicator", "expected another \"- \" list item at this indentation; check the indentation of this line"),
        ("quoted scalar, found unexpected end of stream", "the quoted text that starts here has no closing quote"),
        ("quoted scalar, found wrong indentation", "the quoted text that starts here has no closing quote, or continues on a line that is not indented enough"),
        (TabProblem, "tabs cannot be used to indent YAML; indent with spaces"),
        ("cannot start any token", "this character cannot begin a value (YAML reserves characters such as @ and `); put quotes around the value"),
        ("did not find expected ',' or ']'", "the '[' list is not closed with ']', or its items are not separated by commas"),
        ("did not find expected ',' or '}'", "the '{' mapping is not closed with '}', or its pairs are not separated by commas"),
        ("could not find expected ':'", "expected ':' after this key"),
        ("unknown escape character", "unknown backslash escape in double-quoted text; use single quotes to keep a backslash as it is"),
        ("did not find expected node content", "a value is missing here"),
    ];

    public static string Reword(string parserMessage)
    {
        foreach ((string parserSays, string advice) in KnownProblems)
        {
            if (parserMessage.Contains(parserSays, StringComparison.OrdinalIgnoreCase))
            {
                return Prefix + advice;
            }
        }

        return Prefix + parserMessage.TrimEnd('.');
    }

    /// <summary>True when the parser is complaining about a tab used for indentation.</summary>
    public static bool IsAboutTabs(string parserMessage) => parserMessage.Contains(TabProblem, StringComparison.Ordinal);

    /// <summary>For input the parser rejects without saying why (see <see cref="YamlTreeReader"/>).</summary>
    public static string UnclosedBracket(char bracket) =>
        $"{Prefix}cannot read the '{bracket}' that starts here; check that it is closed with '{(bracket == '[' ? ']' : '}')}' and its items are separated by commas";

    public static string UnreadableAfterHere() =>
        $"{Prefix}the text after this point cannot be read; check for a stray special character such as '!', '%', '&' or '*' and put quotes around such values";
}
