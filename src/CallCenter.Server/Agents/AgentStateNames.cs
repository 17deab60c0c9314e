using System.Text.Json;
using CallCenter.Routing;

namespace CallCenter.Server.Agents;

/// <summary>
/// The words agent states are written as outside the process (JSON, the state log, metric labels): the enum name in
/// kebab case, e.g. <c>logged-out</c>, <c>on-call</c>, <c>wrap-up</c>.
/// </summary>
public static class AgentStateNames
{
    private static readonly IReadOnlyDictionary<AgentState, string> Names =
        Enum.GetValues<AgentState>().ToDictionary(s => s, s => JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString()));

    /// <summary>Every state, in declaration order.</summary>
    public static IReadOnlyList<AgentState> All { get; } = Enum.GetValues<AgentState>();

    /// <summary>The word for <paramref name="state"/>.</summary>
    public static string Name(AgentState state) => Names[state];
}
