using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>
/// Finds queues that overflow back to themselves through other queues (sales → general → sales):
/// a caller nobody can take would be passed around the loop for ever.
/// </summary>
internal static class OverflowLoops
{
    public static void Report(
        IReadOnlyList<QueueConfig> queues,
        IReadOnlyDictionary<string, IReadOnlyList<QueueFallbackReader.OverflowReference>> overflows,
        ErrorCollector errors)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (QueueConfig queue in queues)
        {
            if (reported.Contains(queue.Name) || FindLoop(queue.Name, overflows) is not { } loop)
            {
                continue;
            }

            reported.UnionWith(loop);
            QueueFallbackReader.OverflowReference first = overflows[queue.Name].First(o => o.Target == loop[1]);
            errors.Add(
                first.At.Start,
                $"queue \"{queue.Name}\": {first.Key} makes a loop of overflows ({string.Join(" -> ", loop)}); a caller could be passed around it for ever, so end it with callback or message");
        }
    }

    /// <summary>The loop starting and ending at <paramref name="start"/> (names in order), or null.</summary>
    private static List<string>? FindLoop(string start, IReadOnlyDictionary<string, IReadOnlyList<QueueFallbackReader.OverflowReference>> overflows)
    {
        // Depth-first search over overflow edges; the path is the current chain from start.
        var path = new List<string> { start };
        var visited = new HashSet<string>(StringComparer.Ordinal) { start };
        return Visit(start, start, path, visited, overflows) ? path : null;
    }

    private static bool Visit(
        string current,
        string start,
        List<string> path,
        HashSet<string> visited,
        IReadOnlyDictionary<string, IReadOnlyList<QueueFallbackReader.OverflowReference>> overflows)
    {
        if (!overflows.TryGetValue(current, out IReadOnlyList<QueueFallbackReader.OverflowReference>? edges))
        {
            return false;
        }

        foreach (string target in edges.Select(e => e.Target).Distinct(StringComparer.Ordinal))
        {
            if (target == start)
            {
                path.Add(start);
                return true;
            }

            if (visited.Add(target))
            {
                path.Add(target);
                if (Visit(target, start, path, visited, overflows))
                {
                    return true;
                }

                path.RemoveAt(path.Count - 1);
            }
        }

        return false;
    }
}
