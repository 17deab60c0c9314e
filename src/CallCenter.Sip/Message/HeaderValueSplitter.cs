namespace CallCenter.Sip.Message;

/// <summary>
/// Splits a list header value at top-level commas (RFC 3261 §7.3.1), leaving commas inside
/// quoted strings and inside angle-bracketed URIs alone.
/// </summary>
public static class HeaderValueSplitter
{
    /// <summary>Adds each trimmed element of <paramref name="value"/> to <paramref name="into"/>; empty elements are kept
    /// (as empty strings) so that a validator can refuse them.</summary>
    public static void SplitInto(string value, List<string> into)
    {
        var inQuotes = false;
        var inAngle = false;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case '<':
                    inAngle = true;
                    break;
                case '>':
                    inAngle = false;
                    break;
                case ',' when !inAngle:
                    into.Add(value[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }

        into.Add(value[start..].Trim());
    }
}
