using CallCenter.Ivr.Loading;

namespace CallCenter.Ivr.Catalog;

/// <summary>A checked set as text: one line per problem, then the summary (what logs and exceptions show).</summary>
internal static class FlowProblemText
{
    public static string Lines(FlowSet set) =>
        string.Join('\n', set.Problems.Select(p => p.ToString()).Append(set.Summary));

    public static string Lines(IEnumerable<FlowProblem> problems) => string.Join('\n', problems);
}
