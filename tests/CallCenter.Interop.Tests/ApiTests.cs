using System.Net;
using System.Text;
using System.Text.Json;
using CallCenter.Interop.Tests.Infrastructure;

namespace CallCenter.Interop.Tests;

/// <summary>
/// The running server's JSON API, OpenAPI document and per-queue metrics, read over HTTP like a supervisor's
/// dashboard would.
/// </summary>
public sealed class ApiTests
{
    [InteropFact]
    public async Task Agents_queues_the_openapi_document_and_queue_metrics_are_served()
    {
        using var workspace = new InteropWorkspace("api");
        await using var server = await ServerHost.StartMd5Async(workspace, ["--Store:Path=" + workspace.PathOf("callcenter.db")]);

        var agents = JsonDocument.Parse(await server.Http.GetStringAsync("/api/agents")).RootElement;
        var agent = Assert.Single(agents.EnumerateArray());
        Assert.Equal("1001", agent.GetProperty("extension").GetString());
        Assert.False(agent.GetProperty("registered").GetBoolean());
        Assert.Equal(5, agent.GetProperty("skills").GetProperty("sales").GetInt32());

        var queues = JsonDocument.Parse(await server.Http.GetStringAsync("/api/queues")).RootElement;
        Assert.Equal(JsonValueKind.Array, queues.ValueKind);
        var queueNames = queues.EnumerateArray().Select(q => q.GetProperty("name").GetString()).ToList();

        var paths = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/agents", "/api/agents/{extension}", "/api/agents/{extension}/state", "/api/agents/{extension}/history", "/api/queues", "/api/callbacks" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path + " is not in the OpenAPI document");
        }

        var metrics = await server.GetMetricsAsync();
        foreach (var name in queueNames)
        {
            Assert.Equal(0, PrometheusText.Value(metrics, "callcenter_queue_waiting", $"queue=\"{name}\""));
            Assert.NotNull(PrometheusText.Value(metrics, "callcenter_queue_agents", $"queue=\"{name}\"", "state=\"logged-out\""));
        }
    }

    [InteropFact]
    public async Task A_supervisor_pauses_and_unpauses_an_agent_and_bad_requests_are_refused_with_problem_details()
    {
        using var workspace = new InteropWorkspace("api-state");
        await using var server = await ServerHost.StartMd5Async(workspace, ["--Store:Path=" + workspace.PathOf("callcenter.db")]);

        var paused = await server.Http.PutAsync("/api/agents/1001/state", Json("""{"state":"paused","reason":"training"}"""));
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        var agent = JsonDocument.Parse(await paused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("paused", agent.GetProperty("state").GetString());
        Assert.Equal("training", agent.GetProperty("pauseReason").GetString());

        var bad = await server.Http.PutAsync("/api/agents/1001/state", Json("""{"state":"asleep"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("available, logged-out, paused", await bad.Content.ReadAsStringAsync());

        var malformed = await server.Http.PutAsync("/api/agents/1001/state", Json("{\"state\":"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var unknown = await server.Http.PutAsync("/api/agents/4242/state", Json("""{"state":"available"}"""));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var available = await server.Http.PutAsync("/api/agents/1001/state", Json("""{"state":"available"}"""));
        Assert.Equal(HttpStatusCode.OK, available.StatusCode);
        Assert.Contains("\"state\":\"available\"", await available.Content.ReadAsStringAsync());

        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(5), async () =>
        {
            var history = await server.Http.GetStringAsync("/api/agents/1001/history");
            return history.Contains("\"reason\":\"training\"", StringComparison.Ordinal);
        }));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
