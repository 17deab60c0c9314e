using CallCenter.Calls.Routing;

namespace CallCenter.Server.Http;

/// <summary>
/// The agent an <c>/api/agents/{extension}</c> path names, and the one 404 every agent endpoint answers when no
/// agent has that extension.
/// </summary>
internal static class AgentLookup
{
    /// <summary>The agent with <paramref name="extension"/> (compared exactly), or null.</summary>
    public static async Task<AgentStatus?> FindAsync(IContactCentre centre, string extension) =>
        (await centre.GetAgentsAsync().ConfigureAwait(false)).FirstOrDefault(a => string.Equals(a.Extension, extension, StringComparison.Ordinal));

    /// <summary>404: no agent has <paramref name="extension"/>.</summary>
    public static IResult Unknown(string extension) => ApiProblem.NotFound($"no agent has extension {extension}");
}
