using CallCenter.Config.Schema;

namespace CallCenter.Ivr.Validation;

/// <summary>Guesses which existing name a mistyped one meant, for "(did you mean ...?)".</summary>
internal static class NameHint
{
    /// <summary>Shortest typed text that is matched by prefix; shorter ones would match too much.</summary>
    private const int MinPrefixLength = 3;

    /// <summary>
    /// The only name that the typed one is the beginning of (<c>billing-q</c> for <c>billing-queue</c>: a name cut
    /// short is the likeliest slip), else the closest name by spelling. Empty when there is no good guess.
    /// </summary>
    public static string For(string typed, IEnumerable<string> names)
    {
        string[] candidates = [.. names.Order(StringComparer.Ordinal)];
        string[] longer = typed.Length >= MinPrefixLength
            ? [.. candidates.Where(c => c.Length > typed.Length && c.StartsWith(typed, StringComparison.OrdinalIgnoreCase))]
            : [];
        string? likely = longer.Length == 1 ? longer[0] : Suggestions.Closest(typed, candidates);
        return Suggestions.Hint(likely);
    }
}
