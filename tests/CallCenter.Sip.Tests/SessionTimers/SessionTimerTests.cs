using CallCenter.Sip.SessionTimers;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Sip.Tests.SessionTimers;

/// <summary>The running timer of RFC 4028 §10 on a fake clock: when it asks for a refresh and when it gives the session up.</summary>
public sealed class SessionTimerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _events = [];

    private SessionTimer NewTimer() => new(_time, () => _events.Add("refresh@" + Elapsed()), () => _events.Add("expired@" + Elapsed()));

    private readonly DateTimeOffset _start;

    public SessionTimerTests() => _start = _time.GetUtcNow();

    private int Elapsed() => (int)(_time.GetUtcNow() - _start).TotalSeconds;

    [Fact]
    public void As_refresher_a_refresh_is_due_at_half_the_interval_and_each_refresh_starts_a_new_one()
    {
        using var timer = NewTimer();
        timer.Start(new SessionInterval(90, WeRefresh: true));

        _time.Advance(TimeSpan.FromSeconds(44));
        Assert.Empty(_events);
        _time.Advance(TimeSpan.FromSeconds(1));
        timer.Start(new SessionInterval(90, WeRefresh: true));
        _time.Advance(TimeSpan.FromSeconds(45));

        Assert.Equal(["refresh@45", "refresh@90"], _events);
    }

    [Fact]
    public void Waiting_for_the_peer_the_session_is_given_up_at_the_interval_less_a_third()
    {
        using var timer = NewTimer();
        timer.Start(new SessionInterval(90, WeRefresh: false));

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(_events);
        _time.Advance(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(600));

        Assert.Equal(["expired@60"], _events);
        Assert.Null(timer.Current);
    }

    [Fact]
    public void A_refresh_from_the_peer_restarts_the_wait()
    {
        using var timer = NewTimer();
        timer.Start(new SessionInterval(1800, WeRefresh: false));

        _time.Advance(TimeSpan.FromSeconds(900));
        timer.Start(new SessionInterval(1800, WeRefresh: false));
        _time.Advance(TimeSpan.FromSeconds(1767));
        Assert.Empty(_events);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["expired@2668"], _events);
    }

    [Fact]
    public void A_refresh_can_swap_who_refreshes()
    {
        using var timer = NewTimer();
        timer.Start(new SessionInterval(90, WeRefresh: false));

        _time.Advance(TimeSpan.FromSeconds(30));
        timer.Start(new SessionInterval(120, WeRefresh: true));
        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(["refresh@90"], _events);
        Assert.Equal(new SessionInterval(120, true), timer.Current);
    }

    [Fact]
    public void A_retried_refresh_comes_after_the_delay_but_never_after_the_session_ended()
    {
        using var timer = NewTimer();
        timer.Start(new SessionInterval(90, WeRefresh: true));
        _time.Advance(TimeSpan.FromSeconds(45));

        timer.RetryRefreshIn(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(30));
        timer.RetryRefreshIn(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(14));
        Assert.Equal(["refresh@45", "refresh@75"], _events);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["refresh@45", "refresh@75", "expired@90"], _events);
    }

    [Fact]
    public void A_retry_asked_for_after_the_end_gives_the_session_up_at_once()
    {
        using var timer = NewTimer();
        timer.Start(new SessionInterval(90, WeRefresh: true));
        _time.Advance(TimeSpan.FromSeconds(45));
        _time.Advance(TimeSpan.FromSeconds(50));

        timer.RetryRefreshIn(TimeSpan.FromSeconds(2));

        Assert.Equal(["refresh@45", "expired@95"], _events);
    }

    [Fact]
    public void A_stopped_or_disposed_timer_does_nothing()
    {
        var stopped = NewTimer();
        stopped.Start(new SessionInterval(90, WeRefresh: false));
        stopped.Stop();
        var disposed = NewTimer();
        disposed.Start(new SessionInterval(90, WeRefresh: true));
        disposed.Dispose();
        disposed.Start(new SessionInterval(90, WeRefresh: true));

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Empty(_events);
        Assert.Null(stopped.Current);
        Assert.Null(disposed.Current);
        stopped.Dispose();
    }
}
