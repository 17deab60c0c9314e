using System.Net;
using System.Text.Json;
using CallCenter.Calls.Routing;
using CallCenter.Routing;

namespace CallCenter.Server.Tests;

/// <summary><c>GET /api/queues</c>: each queue's live figures.</summary>
public class ApiQueuesTests
{
    [Fact]
    public async Task EachQueueShowsItsLiveFiguresAndTotals()
    {
        await using var api = await ApiHost.StartAsync();
        api.Centre.Queues.Add(new QueueStatus(
            "billing",
            Waiting: 4,
            LongestWait: TimeSpan.FromSeconds(95.5),
            CallbacksPending: 2,
            new Dictionary<AgentState, int> { [AgentState.Available] = 1, [AgentState.OnCall] = 3 },
            new QueueTotals(Offered: 20, Answered: 10, AnsweredWithinThreshold: 8, AbandonedBeforeThreshold: 3, AbandonedAfterThreshold: 2, TotalSpeedOfAnswer: TimeSpan.FromSeconds(150), RingNoAnswer: 1)));
        api.Centre.Queues.Add(new QueueStatus("sales", 0, TimeSpan.Zero, 0, new Dictionary<AgentState, int>(), new QueueTotals(0, 0, 0, 0, 0, TimeSpan.Zero, 0)));

        var queues = await (await api.Http.GetAsync("/api/queues")).JsonAsync(HttpStatusCode.OK);

        var billing = queues[0];
        Assert.Equal("billing", billing.GetProperty("name").GetString());
        Assert.Equal(4, billing.GetProperty("waiting").GetInt32());
        Assert.Equal(95.5, billing.GetProperty("longestWaitSeconds").GetDouble());
        Assert.Equal(2, billing.GetProperty("callbacksPending").GetInt32());
        var byState = billing.GetProperty("agentsByState");
        Assert.Equal(["logged-out", "available", "reserved", "on-call", "wrap-up", "paused"], byState.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, byState.GetProperty("on-call").GetInt32());
        Assert.Equal(0, byState.GetProperty("paused").GetInt32());
        Assert.Equal(20, billing.GetProperty("offered").GetInt64());
        Assert.Equal(10, billing.GetProperty("answered").GetInt64());
        Assert.Equal(8, billing.GetProperty("answeredWithinThreshold").GetInt64());
        Assert.Equal(3, billing.GetProperty("abandonedBeforeThreshold").GetInt64());
        Assert.Equal(2, billing.GetProperty("abandonedAfterThreshold").GetInt64());
        Assert.Equal(8.0 / 12, billing.GetProperty("serviceLevel").GetDouble(), 1e-9);
        Assert.Equal(15, billing.GetProperty("averageSpeedOfAnswerSeconds").GetDouble());
        Assert.Equal(1, billing.GetProperty("rona").GetInt64());

        var sales = queues[1];
        Assert.Equal(JsonValueKind.Null, sales.GetProperty("serviceLevel").ValueKind);
        Assert.Equal(JsonValueKind.Null, sales.GetProperty("averageSpeedOfAnswerSeconds").ValueKind);
    }
}
