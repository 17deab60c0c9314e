using CallCenter.Calls.Routing;
using CallCenter.Routing;
using CallCenter.Server.Agents;
using CallCenter.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Server.Tests;

/// <summary>Agent state changes reported by routing end up in the store's state log, in order, none lost at stop.</summary>
public sealed class ApiStateRecorderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("callcenter-recorder-test").FullName;

    [Fact]
    public async Task EveryChangeIsLoggedWithItsTimeStateAndReasonBeforeTheHostStops()
    {
        var log = new AgentStateLog(CallCenterDatabase.Open(new StoreOptions { Path = Path.Combine(_folder, "callcenter.db") }));
        var recorder = new AgentStateRecorder(log, NullLogger<AgentStateRecorder>.Instance);
        await recorder.StartAsync(CancellationToken.None);
        var at = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        IRoutingObserver observer = recorder;
        for (var i = 0; i < 50; i++)
        {
            var state = i % 2 == 0 ? AgentState.Paused : AgentState.WrapUp;
            observer.AgentStateChanged(Agent(at.AddSeconds(i), state, state == AgentState.Paused ? "missed calls" : null));
        }

        await recorder.StopAsync(CancellationToken.None);

        var entries = log.Query("1001", at, at.AddHours(1));
        Assert.Equal(50, entries.Count);
        Assert.Equal(new AgentStateEntry(at, "1001", "paused", "missed calls"), entries[0]);
        Assert.Equal(new AgentStateEntry(at.AddSeconds(1), "1001", "wrap-up", null), entries[1]);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => at.AddSeconds(i)), entries.Select(e => e.At));
    }

    [Fact]
    public async Task TheSameChangeReportedAgainIsWrittenOnce()
    {
        var log = new AgentStateLog(CallCenterDatabase.Open(new StoreOptions { Path = Path.Combine(_folder, "callcenter.db") }));
        var recorder = new AgentStateRecorder(log, NullLogger<AgentStateRecorder>.Instance);
        await recorder.StartAsync(CancellationToken.None);
        var at = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        IRoutingObserver observer = recorder;

        // Registered, then unregistered: routing reports the agent each time, its state unchanged.
        observer.AgentStateChanged(Agent(at, AgentState.Available, null));
        observer.AgentStateChanged(Agent(at, AgentState.Available, null) with { Registered = false });
        observer.AgentStateChanged(Agent(at.AddMinutes(1), AgentState.Paused, "break"));
        observer.AgentStateChanged(Agent(at.AddMinutes(2), AgentState.Available, null));
        await recorder.StopAsync(CancellationToken.None);

        Assert.Equal(["available", "paused", "available"], log.Query("1001", at, at.AddHours(1)).Select(e => e.State));
    }

    [Fact]
    public async Task AStoreThatFailsDoesNotStopTheRecorder()
    {
        var path = Path.Combine(_folder, "gone.db");
        var log = new AgentStateLog(CallCenterDatabase.Open(new StoreOptions { Path = path }));
        var recorder = new AgentStateRecorder(log, NullLogger<AgentStateRecorder>.Instance);
        await recorder.StartAsync(CancellationToken.None);
        File.Delete(path);
        Directory.CreateDirectory(path); // the file's place is now a folder: every write fails

        ((IRoutingObserver)recorder).AgentStateChanged(Agent(DateTimeOffset.UnixEpoch, AgentState.Available, null));
        await recorder.StopAsync(CancellationToken.None);

        Assert.NotNull(recorder.Writer);
        Assert.True(recorder.Writer!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task StoppingPastTheHostsDeadlineDoesNotThrow()
    {
        var log = new AgentStateLog(CallCenterDatabase.Open(new StoreOptions { Path = Path.Combine(_folder, "callcenter.db") }));
        var recorder = new AgentStateRecorder(log, NullLogger<AgentStateRecorder>.Instance);
        await recorder.StartAsync(CancellationToken.None);
        IRoutingObserver observer = recorder;
        for (var i = 0; i < 20; i++)
        {
            observer.AgentStateChanged(Agent(DateTimeOffset.UnixEpoch.AddSeconds(i), i % 2 == 0 ? AgentState.Paused : AgentState.Available, null));
        }

        // Another hosted service used up the shutdown time: the token is already cancelled when the recorder stops.
        var exception = await Record.ExceptionAsync(() => recorder.StopAsync(new CancellationToken(canceled: true)));

        // The short grace after the deadline was enough to write everything queued.
        Assert.Null(exception);
        Assert.True(recorder.Writer!.IsCompletedSuccessfully);
        Assert.Equal(20, log.Query("1001", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1)).Count);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static AgentStatus Agent(DateTimeOffset since, AgentState state, string? reason) =>
        new("1001", "Ana", state, reason, since, new Dictionary<string, int>(), true, 0, null);
}
