using System.Net;
using CallCenter.Calls.Routing;
using CallCenter.Routing;
using CallCenter.Server.Http;
using CallCenter.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallCenter.Server.Tests;

/// <summary>
/// Routing as the API sees it, with the state rules a real router applies in the simplest form: log in only when
/// logged out, pause only when logged in, unpause only when paused.
/// </summary>
internal sealed class FakeContactCentre : IContactCentre
{
    public static readonly DateTimeOffset Since = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public List<AgentStatus> Agents { get; } =
    [
        new("1001", "Ana Santos", AgentState.Available, null, Since, new Dictionary<string, int> { ["billing"] = 8, ["lang-tl"] = 5 }, true, 3, null),
        new("1002", "Ben Cruz", AgentState.LoggedOut, null, Since, new Dictionary<string, int> { ["sales"] = 4 }, false, 0, null),
        new("1003", "Cora Lim", AgentState.Paused, "lunch", Since, new Dictionary<string, int> { ["billing"] = 2 }, true, 1, null),
    ];

    public List<QueueStatus> Queues { get; } = [];

    public List<(string Extension, AgentStateCommand Command, string? Reason)> Changes { get; } = [];

    public Task<IReadOnlyList<AgentStatus>> GetAgentsAsync() => Task.FromResult<IReadOnlyList<AgentStatus>>([.. Agents]);

    public Task<IReadOnlyList<QueueStatus>> GetQueuesAsync() => Task.FromResult<IReadOnlyList<QueueStatus>>([.. Queues]);

    public Task<AgentStateChangeResult> ChangeAgentStateAsync(string extension, AgentStateCommand command, string? reason)
    {
        Changes.Add((extension, command, reason));
        int index = Agents.FindIndex(a => a.Extension == extension);
        if (index < 0)
        {
            return Task.FromResult(new AgentStateChangeResult(null, "unknown extension"));
        }

        var agent = Agents[index];
        (AgentState State, string? Reason)? next = (command, agent.State) switch
        {
            (AgentStateCommand.LogIn, AgentState.LoggedOut) => (AgentState.Available, null),
            (AgentStateCommand.LogOut, not AgentState.LoggedOut) => (AgentState.LoggedOut, null),
            (AgentStateCommand.Pause, AgentState.Available or AgentState.WrapUp) => (AgentState.Paused, reason),
            (AgentStateCommand.Unpause, AgentState.Paused) => (AgentState.Available, null),
            _ => null,
        };
        if (next is not { } applied)
        {
            return Task.FromResult(new AgentStateChangeResult(agent, $"cannot {command} from {agent.State}"));
        }

        Agents[index] = agent with { State = applied.State, PauseReason = applied.Reason, StateSince = Since.AddHours(1) };
        return Task.FromResult(new AgentStateChangeResult(Agents[index], null));
    }
}

/// <summary>
/// Routing that records what it is told: every call as an event line, the contact last enqueued, and the transfers
/// asked for, in order.
/// </summary>
internal sealed class RecordingRouter : IQueueRouter
{
    public List<string> Events { get; } = [];

    public (WaitingContact Contact, IRoutedContact Owner) Last { get; private set; }

    public List<(string ContactId, string QueueId, IReadOnlyList<SkillRequirement>? Requirements)> Transfers { get; } = [];

    public void Enqueue(WaitingContact contact, IRoutedContact owner)
    {
        Last = (contact, owner);
        Events.Add("enqueue " + contact.Id);
    }

    public void Answered(string contactId, string agentId) => Events.Add("answered " + contactId);

    public void NoAnswer(string contactId, string agentId) => Events.Add("no-answer " + contactId);

    public void Rejected(string contactId, string agentId) => Events.Add("rejected " + contactId);

    public void Abandoned(string contactId) => Events.Add("abandoned " + contactId);

    public void HandedOver(string contactId) => Events.Add("handed-over " + contactId);

    public void Ended(string contactId) => Events.Add("ended " + contactId);

    public void Transfer(string contactId, string queueId, IReadOnlyList<SkillRequirement>? requirements)
    {
        Transfers.Add((contactId, queueId, requirements));
        Events.Add("transfer " + contactId);
    }

    public Task<WaitEstimate?> EstimateAsync(string contactId) => Task.FromResult<WaitEstimate?>(null);
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The API on an ephemeral loopback port, with the services a test registers.</summary>
internal sealed class ApiWebApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiWebApp(WebApplication app)
    {
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };
    }

    public HttpClient Http { get; }

    /// <summary>Starts the API over <paramref name="register"/>'s services; <paramref name="map"/> adds endpoints.</summary>
    public static async Task<ApiWebApp> StartAsync(Action<IServiceCollection> register, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        register(builder.Services);
        builder.Services.AddCallCenterApi();
        var app = builder.Build();
        app.MapCallCenterApi();
        map?.Invoke(app);
        await app.StartAsync();
        return new ApiWebApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The API alone on an ephemeral loopback port, over a fake routing and a store in a temporary folder.</summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly ApiWebApp _app;
    private readonly string _folder;

    private ApiHost(ApiWebApp app, string folder, FakeContactCentre centre, RecordingRouter router, AgentStateLog log)
    {
        _app = app;
        _folder = folder;
        Centre = centre;
        Router = router;
        Log = log;
    }

    public FakeContactCentre Centre { get; }

    public RecordingRouter Router { get; }

    public AgentStateLog Log { get; }

    public HttpClient Http => _app.Http;

    public static async Task<ApiHost> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("callcenter-api-test").FullName;
        var log = new AgentStateLog(CallCenterDatabase.Open(new StoreOptions { Path = Path.Combine(folder, "callcenter.db") }));
        var centre = new FakeContactCentre();
        var router = new RecordingRouter();
        var app = await ApiWebApp.StartAsync(services =>
        {
            services.AddSingleton<IContactCentre>(centre);
            services.AddSingleton<IQueueRouter>(router);
            services.AddSingleton(log);
            services.AddSingleton<TimeProvider>(new StoppedClock(Now));
        });
        return new ApiHost(app, folder, centre, router, log);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Small helpers for reading answers.</summary>
internal static class ApiResponses
{
    public static async Task<System.Text.Json.JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return System.Text.Json.JsonDocument.Parse(text).RootElement;
    }

    public static async Task<System.Text.Json.JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        return body;
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
