using System.Net;
using CallCenter.Calls.Routing;
using CallCenter.Routing;

namespace CallCenter.Server.Tests;

/// <summary><c>POST /api/agents/{extension}/transfer</c>: a call goes back through routing, never to a named person.</summary>
public class ApiTransferTests
{
    [Fact]
    public async Task AnAgentOnACallHandsItBackToRoutingForAnotherQueue()
    {
        await using var api = await StartAsync();

        var answer = await (await api.Http.PostAsync("/api/agents/1001/transfer", ApiResponses.Json("""{"queue":"billing"}""")))
            .JsonAsync(HttpStatusCode.Accepted);

        Assert.Equal(("call-7", "billing"), (answer.GetProperty("contactId").GetString(), answer.GetProperty("queue").GetString()));
        Assert.Equal([("call-7", "billing", (IReadOnlyList<SkillRequirement>?)null)], api.Router.Transfers);
    }

    [Fact]
    public async Task AnUnknownQueueIs400ListingTheQueues()
    {
        await using var api = await StartAsync();

        var problem = await (await api.Http.PostAsync("/api/agents/1001/transfer", ApiResponses.Json("""{"queue":"biling"}""")))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("'biling' is not allowed; use one of: sales, billing", problem.GetProperty("detail").GetString());
        Assert.Empty(api.Router.Transfers);
    }

    [Fact]
    public async Task AMissingQueueIs400()
    {
        await using var api = await StartAsync();

        var problem = await (await api.Http.PostAsync("/api/agents/1001/transfer", ApiResponses.Json("{}"))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("queue: is required", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnAgentNotOnACallIs409AndAnUnknownOneIs404()
    {
        await using var api = await StartAsync();

        var idle = await (await api.Http.PostAsync("/api/agents/1002/transfer", ApiResponses.Json("""{"queue":"sales"}""")))
            .ProblemAsync(HttpStatusCode.Conflict);
        await (await api.Http.PostAsync("/api/agents/9999/transfer", ApiResponses.Json("""{"queue":"sales"}""")))
            .ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("agent 1002 is logged-out, not on a call", idle.GetProperty("detail").GetString());
        Assert.Empty(api.Router.Transfers);
    }

    private static async Task<ApiHost> StartAsync()
    {
        var api = await ApiHost.StartAsync();
        api.Centre.Agents[0] = api.Centre.Agents[0] with { State = AgentState.OnCall, ContactId = "call-7" };
        foreach (var name in new[] { "sales", "billing" })
        {
            api.Centre.Queues.Add(new QueueStatus(name, 0, TimeSpan.Zero, 0, new Dictionary<AgentState, int>(), new QueueTotals(0, 0, 0, 0, 0, TimeSpan.Zero, 0)));
        }

        return api;
    }
}
