using CallCenter.Calls.Routing;
using CallCenter.Config;
using CallCenter.Routing;
using CallCenter.Store;

namespace CallCenter.Server.Agents;

/// <summary>
/// After a restart every agent is back where it chose to be: a paused agent stays paused with its reason and a logged-out
/// agent stays logged out (an agent is never handed calls just because the server restarted), taken from the last change
/// in the state log. States that belonged to a call (reserved, on a call, wrap-up) did not survive it: such an agent is
/// logged in. Runs as the server starts, before SIP is served, so no call is routed on the start-up defaults.
/// </summary>
public sealed class AgentStateRestorer(
    CallCenterConfig config,
    AgentStateLog log,
    IContactCentre centre,
    ILogger<AgentStateRestorer> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var agent in config.Agents)
        {
            if (log.Latest(agent.Extension) is not { } last || !TryTarget(last.State, out var target))
            {
                continue;
            }

            await RestoreAsync(agent.Extension, target, last).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RestoreAsync(string extension, AgentState target, AgentStateEntry last)
    {
        var agents = await centre.GetAgentsAsync().ConfigureAwait(false);
        var now = agents.FirstOrDefault(a => a.Extension == extension)?.State;
        if (now is null || now == target)
        {
            return;
        }

        // Pausing needs a logged-in agent; the other targets are one command each.
        if (target != AgentState.LoggedOut && now == AgentState.LoggedOut)
        {
            await centre.ChangeAgentStateAsync(extension, AgentStateCommand.LogIn, null).ConfigureAwait(false);
        }

        var result = target switch
        {
            AgentState.LoggedOut => await centre.ChangeAgentStateAsync(extension, AgentStateCommand.LogOut, null).ConfigureAwait(false),
            AgentState.Paused => await centre.ChangeAgentStateAsync(extension, AgentStateCommand.Pause, last.Reason ?? "restored").ConfigureAwait(false),
            _ => null,
        };
        if (result is { Applied: false })
        {
            logger.LogWarning("Agent {Extension}: could not restore {State} from {At}: {Error}", extension, last.State, last.At, result.Error);
            return;
        }

        logger.LogInformation("Agent {Extension}: restored as {State} ({Reason}), its state at {At}", extension, last.State, last.Reason, last.At);
    }

    /// <summary>The state a logged state comes back as: a call's states come back as available.</summary>
    private static bool TryTarget(string logged, out AgentState target)
    {
        target = logged switch
        {
            "logged-out" => AgentState.LoggedOut,
            "paused" => AgentState.Paused,
            _ => AgentState.Available,
        };
        return AgentStateNames.All.Any(s => AgentStateNames.Name(s) == logged);
    }
}
