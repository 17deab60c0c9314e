using System.Text;
using CallCenter.Ivr.Runtime;

namespace CallCenter.Ivr.Graph;

/// <summary>
/// Makes Stateless's Mermaid text read like the flow file. Stateless writes transition labels as
/// <c>Trigger / entry actions [guard]</c>; every transition of a flow machine has a guard description that
/// already says what happens ("key 1", "retries used up", "open business-hours"), so the label becomes just
/// that. The start node's own Start transition is left out (the <c>[*]</c> arrow already shows where calls
/// begin). Characters Mermaid would take as syntax are written as its entity codes.
/// </summary>
internal static class MermaidLabels
{
    private const string Arrow = " --> ";
    private const string LabelStart = " : ";

    /// <param name="mermaid">Stateless's output.</param>
    /// <param name="stateNotes">Extra description lines for nodes (by node id), added after the state declarations.</param>
    public static string Rewrite(string mermaid, IEnumerable<(string Node, string Description)> stateNotes)
    {
        var lines = mermaid.Split('\n').Select(line => line.TrimEnd('\r')).ToList();

        // Stateless declares "id : name" for each node whose id it had to simplify; other nodes keep their id.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        int firstTransition = lines.Count;
        for (int i = 1; i < lines.Count; i++)
        {
            if (lines[i].Contains(Arrow, StringComparison.Ordinal))
            {
                firstTransition = Math.Min(firstTransition, i);
            }
            else if (lines[i].IndexOf(LabelStart, StringComparison.Ordinal) is var colon and > 0)
            {
                ids[lines[i][(colon + LabelStart.Length)..]] = lines[i][..colon].Trim();
            }
        }

        var text = new StringBuilder(mermaid.Length + 256);
        for (int i = 0; i < lines.Count; i++)
        {
            if (i == firstTransition)
            {
                foreach (var (node, description) in stateNotes)
                {
                    // Mermaid shows a state's first description as its title, so the node id must come first.
                    if (!ids.TryGetValue(node, out string? id))
                    {
                        id = node;
                        text.Append('\t').Append(id).Append(LabelStart).Append(node).Append('\n');
                    }

                    text.Append('\t').Append(id).Append(LabelStart).Append(Escape(description)).Append('\n');
                }
            }

            if (RewriteLine(lines[i]) is { } line && (line.Length > 0 || i < lines.Count - 1))
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string? RewriteLine(string line)
    {
        int arrow = line.IndexOf(Arrow, StringComparison.Ordinal);
        int labelStart = arrow < 0 ? -1 : line.IndexOf(LabelStart, arrow + Arrow.Length, StringComparison.Ordinal);
        if (labelStart < 0)
        {
            return line;
        }

        string label = line[(labelStart + LabelStart.Length)..];

        // Trigger names and action descriptions never contain " [", so the first one opens the guard text.
        int guard = label.IndexOf(" [", StringComparison.Ordinal);
        string readable = guard >= 0 && label.EndsWith(']') ? label[(guard + 2)..^1] : label;
        if (readable == FlowMachine.StartLabel)
        {
            return null;
        }

        return line[..(labelStart + LabelStart.Length)] + Escape(readable);
    }

    private static string Escape(string label)
    {
        if (label.AsSpan().IndexOfAny("#;{}") < 0)
        {
            return label;
        }

        var text = new StringBuilder(label.Length + 16);
        foreach (char c in label)
        {
            _ = c switch
            {
                '#' => text.Append("#35;"),
                ';' => text.Append("#59;"),
                '{' => text.Append("#123;"),
                '}' => text.Append("#125;"),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }
}
