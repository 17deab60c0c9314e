namespace CallCenter.Store.Tests;

public sealed class AgentStateLogTests : IDisposable
{
    private static readonly DateTimeOffset T0 = Callbacks.T0;
    private readonly TempDatabase _temp = new();
    private readonly AgentStateLog _log;

    public AgentStateLogTests() => _log = new AgentStateLog(_temp.Open());

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Query_returns_one_agents_changes_oldest_first()
    {
        _log.Append(new AgentStateEntry(T0.AddMinutes(10), "1001", "on-call", null));
        _log.Append(new AgentStateEntry(T0, "1001", "available", null));
        _log.Append(new AgentStateEntry(T0.AddMinutes(5), "1002", "paused", "lunch"));

        Assert.Equal(
            [new AgentStateEntry(T0, "1001", "available", null), new AgentStateEntry(T0.AddMinutes(10), "1001", "on-call", null)],
            _log.Query("1001", T0, T0.AddHours(1)));
    }

    [Fact]
    public void Latest_is_the_last_change_by_time_then_by_order_of_appending()
    {
        Assert.Null(_log.Latest("1001"));
        _log.Append(new AgentStateEntry(T0.AddMinutes(10), "1001", "paused", "lunch"));
        _log.Append(new AgentStateEntry(T0, "1001", "available", null));
        _log.Append(new AgentStateEntry(T0.AddMinutes(10), "1001", "logged-out", null));
        _log.Append(new AgentStateEntry(T0.AddMinutes(20), "1002", "available", null));

        Assert.Equal(new AgentStateEntry(T0.AddMinutes(10), "1001", "logged-out", null), _log.Latest("1001"));
    }

    [Fact]
    public void The_range_includes_its_start_and_excludes_its_end()
    {
        _log.Append(new AgentStateEntry(T0.AddMinutes(-1), "1001", "available", null));
        _log.Append(new AgentStateEntry(T0, "1001", "on-call", null));
        _log.Append(new AgentStateEntry(T0.AddMinutes(30), "1001", "wrap-up", null));

        Assert.Equal(["on-call"], _log.Query("1001", T0, T0.AddMinutes(30)).Select(c => c.State));
    }

    [Fact]
    public void Changes_at_the_same_instant_keep_the_order_they_were_appended_in()
    {
        string[] states = ["on-call", "wrap-up", "available", "paused"];
        foreach (string state in states)
        {
            _log.Append(new AgentStateEntry(T0, "1003", state, "same tick"));
        }

        Assert.Equal(states, _log.Query("1003", T0, T0.AddTicks(1)).Select(c => c.State));
    }

    [Fact]
    public void An_agent_without_history_gets_an_empty_list()
    {
        Assert.Empty(_log.Query("1009", T0, T0.AddDays(1)));
    }
}
