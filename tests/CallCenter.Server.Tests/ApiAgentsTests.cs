using System.Net;
using System.Text.Json;
using CallCenter.Calls.Routing;

namespace CallCenter.Server.Tests;

/// <summary><c>/api/agents</c>: listing, one agent, state changes and their refusals.</summary>
public class ApiAgentsTests
{
    [Fact]
    public async Task ListShowsEveryAgentWithItsLiveStateInCamelCaseAndKebabCaseStates()
    {
        await using var api = await ApiHost.StartAsync();
        var agents = await (await api.Http.GetAsync("/api/agents")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(["1001", "1002", "1003"], agents.EnumerateArray().Select(a => a.GetProperty("extension").GetString()));
        var ana = agents[0];
        Assert.Equal("Ana Santos", ana.GetProperty("name").GetString());
        Assert.Equal("available", ana.GetProperty("state").GetString());
        Assert.Equal(FakeContactCentre.Since, ana.GetProperty("stateSince").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, ana.GetProperty("pauseReason").ValueKind);
        Assert.Equal(8, ana.GetProperty("skills").GetProperty("billing").GetInt32());
        Assert.True(ana.GetProperty("registered").GetBoolean());
        Assert.Equal(3, ana.GetProperty("callsHandled").GetInt32());
        Assert.Equal("logged-out", agents[1].GetProperty("state").GetString());
        Assert.Equal("lunch", agents[2].GetProperty("pauseReason").GetString());
    }

    [Theory]
    [InlineData("1001", """{"state":"available"}""", "available")]
    [InlineData("1002", """{"state":"logged-out"}""", "logged-out")]
    [InlineData("1003", """{"state":"paused","reason":"lunch"}""", "paused")]
    public async Task AskingForTheStateAnAgentIsAlreadyInIs200AndChangesNothing(string extension, string body, string state)
    {
        await using var api = await ApiHost.StartAsync();

        var agent = await (await api.Http.PutAsync($"/api/agents/{extension}/state", ApiResponses.Json(body))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(state, agent.GetProperty("state").GetString());
        Assert.Empty(api.Centre.Changes);
    }

    [Fact]
    public async Task OneAgentIsFoundByExtension()
    {
        await using var api = await ApiHost.StartAsync();
        var agent = await (await api.Http.GetAsync("/api/agents/1003")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("paused", agent.GetProperty("state").GetString());
        Assert.Equal("Cora Lim", agent.GetProperty("name").GetString());
    }

    [Fact]
    public async Task AnUnknownAgentIs404WithProblemDetailsNamingTheExtension()
    {
        await using var api = await ApiHost.StartAsync();
        var problem = await (await api.Http.GetAsync("/api/agents/9999")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("9999", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("1001", """{"state":"paused","reason":" training "}""", AgentStateCommand.Pause, "training", "paused")]
    [InlineData("1001", """{"state":"logged-out"}""", AgentStateCommand.LogOut, null, "logged-out")]
    [InlineData("1002", """{"state":"available"}""", AgentStateCommand.LogIn, null, "available")]
    [InlineData("1003", """{"state":"available"}""", AgentStateCommand.Unpause, null, "available")]
    public async Task AStateChangeIsAskedOfRoutingAndTheChangedAgentReturned(
        string extension, string body, AgentStateCommand command, string? reason, string newState)
    {
        await using var api = await ApiHost.StartAsync();
        var agent = await (await api.Http.PutAsync($"/api/agents/{extension}/state", ApiResponses.Json(body))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal((extension, command, reason), Assert.Single(api.Centre.Changes));
        Assert.Equal(newState, agent.GetProperty("state").GetString());
    }

    [Fact]
    public async Task AChangeRoutingRefusesIs409SayingWhy()
    {
        await using var api = await ApiHost.StartAsync();
        var response = await api.Http.PutAsync("/api/agents/1002/state", ApiResponses.Json("""{"state":"paused","reason":"break"}"""));
        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("agent 1002 is logged-out", detail);
        Assert.Contains("cannot Pause from LoggedOut", detail);
    }

    [Fact]
    public async Task AChangeForAnUnknownAgentIs404AndNeverReachesRouting()
    {
        await using var api = await ApiHost.StartAsync();
        var response = await api.Http.PutAsync("/api/agents/9999/state", ApiResponses.Json("""{"state":"available"}"""));

        await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(api.Centre.Changes);
    }
}
