using System.Net;
using System.Text.Json;
using CallCenter.Calls.Actor;
using CallCenter.Calls.Callbacks;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using CallCenter.Calls.Trunks;
using CallCenter.Routing;
using CallCenter.Server.Http;
using CallCenter.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Server.Tests;

/// <summary><c>/api/callbacks</c>: list, cancel and reschedule, over a real store and a desk whose routing and trunk are fakes.</summary>
public class CallbackApiTests
{
    [Fact]
    public async Task The_list_shows_each_pending_callback_in_serving_order()
    {
        await using var api = await CallbackApiHost.StartAsync();
        long first = api.Book("call-1", "+639171234567", CallbackApiHost.Now.AddMinutes(-10));
        long second = api.Book("call-2", "+639181234567", CallbackApiHost.Now.AddMinutes(-5));

        var list = await (await api.Http.GetAsync("/api/callbacks")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal([first, second], list.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
        var callback = list[0];
        Assert.Equal("+639171234567", callback.GetProperty("number").GetString());
        Assert.Equal("billing", callback.GetProperty("queue").GetString());
        Assert.Equal(6, callback.GetProperty("priority").GetInt32());
        Assert.Equal(CallbackApiHost.Now.AddMinutes(-10), callback.GetProperty("arrivedAt").GetDateTimeOffset());
        Assert.Equal(0, callback.GetProperty("attempts").GetInt32());
        Assert.Equal(CallbackApiHost.Now, callback.GetProperty("nextTry").GetDateTimeOffset());
        Assert.Equal("waiting", callback.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, callback.GetProperty("agent").ValueKind);
        Assert.Equal("call-1", callback.GetProperty("callId").GetString());
    }

    [Fact]
    public async Task The_list_shows_when_the_callback_was_requested_beside_when_the_caller_arrived()
    {
        await using var api = await CallbackApiHost.StartAsync();
        api.Book("call-1", "+639171234567", CallbackApiHost.Now.AddMinutes(-10));

        var callback = (await (await api.Http.GetAsync("/api/callbacks")).JsonAsync(HttpStatusCode.OK))[0];

        Assert.Equal(CallbackApiHost.Now.AddMinutes(-10), callback.GetProperty("arrivedAt").GetDateTimeOffset());
        Assert.Equal(CallbackApiHost.Now, callback.GetProperty("requestedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Cancel_removes_the_callback_from_the_line_and_an_unknown_id_is_404()
    {
        await using var api = await CallbackApiHost.StartAsync();
        long id = api.Book("call-1", "+639171234567", CallbackApiHost.Now);

        var cancelled = await api.Http.DeleteAsync($"/api/callbacks/{id}");

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal(0, (await (await api.Http.GetAsync("/api/callbacks")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(CallbackStatus.Cancelled, api.Store.Get(id)!.Status);
        Assert.Contains($"handed-over callback-{id}-1", api.Router.Events);
        var again = await (await api.Http.DeleteAsync($"/api/callbacks/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal($"no pending callback has id {id}", again.GetProperty("detail").GetString());
        await (await api.Http.DeleteAsync("/api/callbacks/not-a-number")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reschedule_moves_the_next_try_and_shows_it_scheduled()
    {
        await using var api = await CallbackApiHost.StartAsync();
        long id = api.Book("call-1", "+639171234567", CallbackApiHost.Now);

        var moved = await (await api.Http.PostAsync($"/api/callbacks/{id}/reschedule", ApiResponses.Json("""{"at":"2026-11-24T23:30:00+08:00"}""")))
            .JsonAsync(HttpStatusCode.OK);

        var at = new DateTimeOffset(2026, 11, 24, 15, 30, 0, TimeSpan.Zero);
        Assert.Equal("scheduled", moved.GetProperty("state").GetString());
        Assert.Equal(at, moved.GetProperty("nextTry").GetDateTimeOffset());
        Assert.Equal(at, api.Store.Get(id)!.DueAt);
    }

    [Fact]
    public async Task A_time_already_past_puts_the_callback_back_in_line_at_once()
    {
        await using var api = await CallbackApiHost.StartAsync();
        long id = api.Book("call-1", "+639171234567", CallbackApiHost.Now);

        var moved = await (await api.Http.PostAsync($"/api/callbacks/{id}/reschedule", ApiResponses.Json("""{"at":"2026-11-24T08:00:00Z"}""")))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("waiting", moved.GetProperty("state").GetString());
        Assert.Equal([$"handed-over call-1", $"enqueue callback-{id}-1", $"handed-over callback-{id}-1", $"enqueue callback-{id}-2"], api.Router.Events);
    }

    [Theory]
    [InlineData("""{"at":"tomorrow"}""", "at: 'tomorrow' is not an ISO 8601 date and time")]
    [InlineData("""{}""", "at: is required")]
    [InlineData("""{"at":""}""", "at: is required")]
    public async Task A_bad_time_is_refused_with_a_problem_naming_the_field(string body, string detail)
    {
        await using var api = await CallbackApiHost.StartAsync();
        long id = api.Book("call-1", "+639171234567", CallbackApiHost.Now);

        var problem = await (await api.Http.PostAsync($"/api/callbacks/{id}/reschedule", ApiResponses.Json(body))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("at", out _));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        await using var api = await CallbackApiHost.StartAsync();
        long id = api.Book("call-1", "+639171234567", CallbackApiHost.Now);

        await (await api.Http.PostAsync($"/api/callbacks/{id}/reschedule", new StringContent("at=now"))).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await api.Http.PostAsync($"/api/callbacks/{id}/reschedule", ApiResponses.Json("[1,2"))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await api.Http.PostAsync($"/api/callbacks/{id}/reschedule", ApiResponses.Json("""{"at":5}"""))).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Rescheduling_an_unknown_callback_is_404()
    {
        await using var api = await CallbackApiHost.StartAsync();

        await (await api.Http.PostAsync("/api/callbacks/77/reschedule", ApiResponses.Json("""{"at":"2026-11-24T15:00:00Z"}"""))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_callback_being_made_cannot_be_rescheduled()
    {
        await using var api = await CallbackApiHost.StartAsync();
        long id = api.Book("call-1", "+639171234567", CallbackApiHost.Now);
        api.Router.Last.Owner.Offer(new AgentTarget("1001", "Ana", CallCenter.Sip.Message.SipUri.Parse("sip:1001@127.0.0.1:5070"), default), CallbackApiHost.Now.AddSeconds(15));
        await api.WhenAsync(() => api.Phones.Legs.Count == 1);
        api.Phones.Legs[0](new AgentLegEvent.Answered("v=0 agent"));
        await api.WhenAsync(() => api.Desk.ListPending().Single().Progress?.Phase == CallbackPhase.Whispering);

        var problem = await (await api.Http.PostAsync($"/api/callbacks/{id}/reschedule", ApiResponses.Json("""{"at":"2026-11-24T15:00:00Z"}"""))).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("being made now", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var listed = (await (await api.Http.GetAsync("/api/callbacks")).JsonAsync(HttpStatusCode.OK))[0];
        Assert.Equal(("whispering", "1001"), (listed.GetProperty("state").GetString(), listed.GetProperty("agent").GetString()));
    }

    [Fact]
    public async Task Without_callbacks_configured_the_list_is_empty_and_every_id_unknown()
    {
        await using var api = await CallbackApiHost.StartAsync(withDesk: false);

        Assert.Equal(0, (await (await api.Http.GetAsync("/api/callbacks")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        await (await api.Http.DeleteAsync("/api/callbacks/1")).ProblemAsync(HttpStatusCode.NotFound);
        await (await api.Http.PostAsync("/api/callbacks/1/reschedule", ApiResponses.Json("""{"at":"2026-11-24T15:00:00Z"}"""))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_callback_endpoints()
    {
        await using var api = await CallbackApiHost.StartAsync();

        var document = await (await api.Http.GetAsync(ApiServices.OpenApiPath)).JsonAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/callbacks").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/callbacks/{id}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/callbacks/{id}/reschedule").TryGetProperty("post", out _));
    }
}

/// <summary>The API with a callback desk over a store in a temporary folder; routing records, the trunk accepts E.164.</summary>
internal sealed class CallbackApiHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = ApiHost.Now;

    private readonly ApiWebApp _app;
    private readonly string _folder;

    private CallbackApiHost(ApiWebApp app, string folder, CallbackStore store, CallbackDesk desk, RecordingRouter router, ApiPhones phones)
    {
        _app = app;
        _folder = folder;
        Store = store;
        Desk = desk;
        Router = router;
        Phones = phones;
    }

    public HttpClient Http => _app.Http;

    public CallbackStore Store { get; }

    public CallbackDesk Desk { get; }

    public RecordingRouter Router { get; }

    public ApiPhones Phones { get; }

    public static async Task<CallbackApiHost> StartAsync(bool withDesk = true)
    {
        var folder = Directory.CreateTempSubdirectory("callcenter-callback-api-test").FullName;
        var store = new CallbackStore(CallCenterDatabase.Open(new StoreOptions { Path = Path.Combine(folder, "callcenter.db") }));
        var router = new RecordingRouter();
        var phones = new ApiPhones();
        var trunk = new ApiTrunk();
        var clock = new StoppedClock(Now);
        var services = new CallbackServices(router, phones, trunk, new ApiMedia(), clock, new CallbackOptions(), NullLogger.Instance, SerialExecutor.InlineDispatch);
        var desk = new CallbackDesk(store, new CallbackScheduler(store, services), router, trunk, clock, NullLogger.Instance);

        var app = await ApiWebApp.StartAsync(
            registered =>
            {
                registered.AddSingleton<IContactCentre>(new FakeContactCentre());
                registered.AddSingleton<TimeProvider>(clock);
                if (withDesk)
                {
                    registered.AddSingleton(desk);
                }
            },
            web => web.MapCallbacks());
        return new CallbackApiHost(app, folder, store, desk, router, phones);
    }

    /// <summary>Books a callback for a call waiting in "billing" since <paramref name="arrivedAt"/>.</summary>
    public long Book(string callId, string number, DateTimeOffset arrivedAt) =>
        Desk.Book(new CallbackRequest(number, new WaitingContact(callId, "billing", 6, arrivedAt), callId, null, null)).Id!.Value;

    /// <summary>Waits (briefly) for work the desk hands to the thread pool.</summary>
    public async Task WhenAsync(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

internal sealed class ApiLeg : IAgentLeg
{
    public void Cancel()
    {
    }

    public void Hangup()
    {
    }
}

/// <summary>The agents' phones: the event callback of each leg placed, to answer it.</summary>
internal sealed class ApiPhones : IAgentDialer
{
    public List<Action<AgentLegEvent>> Legs { get; } = [];

    public IAgentLeg Dial(AgentTarget target, string callerDescription, string offerSdp, Action<AgentLegEvent> onEvent)
    {
        Legs.Add(onEvent);
        return new ApiLeg();
    }
}

internal sealed class ApiTrunk : ITrunkDialer
{
    public bool TryNormalize(string number, out string e164, out string error)
    {
        bool valid = number.StartsWith('+') && number.Length > 8 && number[1..].All(char.IsAsciiDigit);
        (e164, error) = valid ? (number, string.Empty) : (string.Empty, "not a valid phone number");
        return valid;
    }

    public IAgentLeg Dial(string e164, string offerSdp, Action<AgentLegEvent> onEvent) => new ApiLeg();
}

internal sealed class ApiMedia : ICallMediaFactory
{
    public ICallMedia Create(string legId, Action<MediaEvent> onEvent) => new Leg();

    private sealed class Leg : ICallMedia
    {
        public MediaNegotiation AnswerOffer(string offerSdp) => new("v=0", 0, null);

        public string CreateOffer() => "v=0 offer";

        public bool AcceptAnswer(string answerSdp, out string? error)
        {
            error = null;
            return true;
        }

        public int Play(IReadOnlyList<string> promptKeys, bool interruptible) => 1;

        public void PlayRingback()
        {
        }

        public void PlayComfortNoise()
        {
        }

        public void PlayLoop(string promptKey)
        {
        }

        public void StopPlayback()
        {
        }

        public void Bridge(ICallMedia other)
        {
        }

        public void Dispose()
        {
        }
    }
}
