namespace CallCenter.Config.Yaml;

/// <summary>
/// Finds the tab an operator indented with. YAML forbids tabs in indentation (YAML 1.2.2 §6.1),
/// but the parser reports the problem at the start of the enclosing mapping or scalar, which
/// may be several lines earlier than the offending tab.
/// </summary>
internal static class TabIndentation
{
    /// <summary>The first tab within leading whitespace on or after <paramref name="fromLine"/>, if any.</summary>
    public static TextPosition? Find(string text, int fromLine)
    {
        int line = 1;
        int column = 1;
        bool inIndentation = true;
        foreach (char c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                inIndentation = true;
                continue;
            }

            if (inIndentation && line >= fromLine)
            {
                if (c == '\t')
                {
                    return new TextPosition(line, column);
                }

                inIndentation = c == ' ';
            }

            column++;
        }

        return null;
    }
}
