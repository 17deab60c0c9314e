using CallCenter.Calls.Routing;
using CallCenter.Routing;
using CallCenter.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Server.Tests;

/// <summary>A restart leaves agents where they chose to be: paused stays paused, logged out stays logged out.</summary>
public sealed class AgentStateRestorerTests : IDisposable
{
    private static readonly DateTimeOffset Before = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("callcenter-restore-test").FullName;

    private string DatabasePath => Path.Combine(_folder, "callcenter.db");

    [Theory]
    [InlineData("paused", "lunch", AgentState.Paused)]
    [InlineData("logged-out", null, AgentState.LoggedOut)]
    [InlineData("on-call", null, AgentState.Available)]
    public async Task The_last_logged_state_comes_back_after_a_restart(string logged, string? reason, AgentState expected)
    {
        new AgentStateLog(CallCenterDatabase.Open(new StoreOptions { Path = DatabasePath }))
            .Append(new AgentStateEntry(Before, "1001", logged, reason));

        await using var server = await TestServer.StartAsync("--Store:Path=" + DatabasePath);
        var agent = (await server.App.Services.GetRequiredService<IContactCentre>().GetAgentsAsync()).Single(a => a.Extension == "1001");

        Assert.Equal((expected, reason), (agent.State, agent.PauseReason));
    }

    [Fact]
    public async Task An_agent_with_no_history_starts_as_configured()
    {
        await using var server = await TestServer.StartAsync("--Store:Path=" + DatabasePath);
        var agent = (await server.App.Services.GetRequiredService<IContactCentre>().GetAgentsAsync()).Single(a => a.Extension == "1001");

        Assert.Equal(AgentState.Available, agent.State);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
