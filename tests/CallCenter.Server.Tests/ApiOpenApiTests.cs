using System.Net;
using System.Text.Json;

namespace CallCenter.Server.Tests;

/// <summary>The OpenAPI document the server serves describes the API.</summary>
public class ApiOpenApiTests
{
    [Fact]
    public async Task TheDocumentListsEveryApiPathWithItsOperations()
    {
        await using var api = await ApiHost.StartAsync();
        var document = await (await api.Http.GetAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/agents").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/agents/{extension}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/agents/{extension}/state").TryGetProperty("put", out var put));
        Assert.True(paths.GetProperty("/api/agents/{extension}/history").TryGetProperty("get", out var history));
        Assert.True(paths.GetProperty("/api/queues").TryGetProperty("get", out _));

        Assert.True(put.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        foreach (var status in new[] { "200", "400", "404", "409", "415" })
        {
            Assert.True(put.GetProperty("responses").TryGetProperty(status, out _), "PUT state lacks response " + status);
        }

        var parameters = history.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("from", parameters);
        Assert.Contains("to", parameters);
    }

    [Fact]
    public async Task AgentStatesAreDescribedAsTheKebabCaseWordsTheApiWrites()
    {
        await using var api = await ApiHost.StartAsync();
        var text = await api.Http.GetStringAsync("/openapi/v1.json");
        var schemas = JsonDocument.Parse(text).RootElement.GetProperty("components").GetProperty("schemas");

        var state = schemas.GetProperty("AgentState").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(["logged-out", "available", "reserved", "on-call", "wrap-up", "paused"], state);
        Assert.True(schemas.TryGetProperty("AgentView", out _));
        Assert.True(schemas.TryGetProperty("QueueView", out _));
    }

    [Fact]
    public async Task TheFullServerServesTheDocumentWithItsOtherEndpoints()
    {
        var store = Directory.CreateTempSubdirectory("callcenter-openapi-store").FullName;
        try
        {
            await using var server = await TestServer.StartAsync("--Store:Path=" + Path.Combine(store, "callcenter.db"));
            var paths = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

            Assert.True(paths.TryGetProperty("/api/agents", out _));
            Assert.True(paths.TryGetProperty("/api/queues", out _));
            Assert.True(paths.TryGetProperty("/api/registrations", out _));
            Assert.True(paths.TryGetProperty("/api/callbacks", out _));
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }
}
