namespace CallCenter.Config.Schema;

/// <summary>Finds the allowed word an operator most likely meant when they mistyped one.</summary>
public static class Suggestions
{
    /// <summary>Typos farther than this many single-character edits are not guesses worth showing.</summary>
    private const int MaxEdits = 2;

    /// <summary>The closest candidate within <see cref="MaxEdits"/> (ignoring case), or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = MaxEdits + 1;
        string lowered = typed.ToLowerInvariant();
        foreach (string candidate in candidates)
        {
            int distance = EditDistance(lowered, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The words added to a message for a guess: <c> (did you mean "x"?)</c>, or empty when there is none.</summary>
    public static string Hint(string? likely) => likely is null ? string.Empty : $" (did you mean \"{likely}\"?)";

    /// <summary>Levenshtein distance: insertions, deletions and substitutions each count one.</summary>
    internal static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
