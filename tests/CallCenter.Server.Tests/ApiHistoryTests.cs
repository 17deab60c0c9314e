using System.Net;
using CallCenter.Store;

namespace CallCenter.Server.Tests;

/// <summary><c>GET /api/agents/{extension}/history</c>: the agent's changes from the state log.</summary>
public class ApiHistoryTests
{
    private static readonly DateTimeOffset Now = ApiHost.Now;

    [Fact]
    public async Task ChangesInThePeriodComeOldestFirstWithFromInclusiveAndToExclusive()
    {
        await using var api = await ApiHost.StartAsync();
        api.Log.Append(new AgentStateEntry(Now.AddHours(-3), "1001", "available", null));
        api.Log.Append(new AgentStateEntry(Now.AddHours(-2), "1001", "paused", "break"));
        api.Log.Append(new AgentStateEntry(Now.AddHours(-2), "1002", "paused", "lunch"));
        api.Log.Append(new AgentStateEntry(Now.AddHours(-1), "1001", "available", null));

        var from = Uri.EscapeDataString(Now.AddHours(-2).ToString("O"));
        var to = Uri.EscapeDataString(Now.AddHours(-1).ToString("O"));
        var history = await (await api.Http.GetAsync($"/api/agents/1001/history?from={from}&to={to}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("1001", history.GetProperty("extension").GetString());
        var change = Assert.Single(history.GetProperty("changes").EnumerateArray());
        Assert.Equal("paused", change.GetProperty("state").GetString());
        Assert.Equal("break", change.GetProperty("reason").GetString());
        Assert.Equal(Now.AddHours(-2), change.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task WithoutAPeriodTheLastDayUpToNowIsShown()
    {
        await using var api = await ApiHost.StartAsync();
        api.Log.Append(new AgentStateEntry(Now.AddDays(-2), "1001", "available", null));
        api.Log.Append(new AgentStateEntry(Now.AddHours(-5), "1001", "paused", "break"));

        var history = await (await api.Http.GetAsync("/api/agents/1001/history")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(Now.AddDays(-1), history.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(Now, history.GetProperty("to").GetDateTimeOffset());
        Assert.Equal("paused", Assert.Single(history.GetProperty("changes").EnumerateArray()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task ATimeWithoutOffsetIsUtc()
    {
        await using var api = await ApiHost.StartAsync();
        var history = await (await api.Http.GetAsync("/api/agents/1001/history?from=2026-11-24T08:00:00&to=2026-11-24T09:00:00")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), history.GetProperty("from").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("?from=yesterday", "from", "'yesterday' is not an ISO 8601 date and time")]
    [InlineData("?to=2026-13-01", "to", "'2026-13-01' is not an ISO 8601 date and time")]
    [InlineData("?from=2026-11-24T10:00:00Z&to=2026-11-24T09:00:00Z", "from", "must not be after to")]
    public async Task ABadPeriodIs400NamingTheParameter(string query, string field, string message)
    {
        await using var api = await ApiHost.StartAsync();
        var problem = await (await api.Http.GetAsync("/api/agents/1001/history" + query)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task TheHistoryOfAnUnknownAgentIs404()
    {
        await using var api = await ApiHost.StartAsync();
        await (await api.Http.GetAsync("/api/agents/9999/history")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
