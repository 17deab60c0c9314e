using CallCenter.Media.Transport.Clock;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Media.Tests.Transport.Clock;

/// <summary>The clock's scheduling on a fake clock: each wait "oversleeps" by a scripted amount.</summary>
public class MediaClockTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Ticks_stay_on_the_start_plus_n_times_20_ms_grid_whatever_the_wake_up_delays()
    {
        var waiter = new ScriptedWaiter(_time, Ms(0), Ms(0.4), Ms(3), Ms(0), Ms(1.7), Ms(0.05), Ms(19), Ms(0));
        var clock = NewClock(waiter);
        var recorder = new Recorder();
        clock.Subscribe(recorder);
        long start = _time.GetTimestamp();
        clock.Begin();
        for (int i = 0; i < 8; i++)
        {
            Assert.True(clock.RunOnce());
        }

        Assert.Equal(Enumerable.Range(0, 8).Select(n => (long)n), recorder.Ticks.Select(t => t.Index));
        Assert.Equal(
            Enumerable.Range(0, 8).Select(n => start + (n * Ticks(Interval))),
            recorder.Ticks.Select(t => t.ScheduledTimestamp));
        Assert.Equal(waiter.Script, recorder.Ticks.Select(t => t.Lateness));
    }

    [Fact]
    public void Statistics_report_lateness_and_intervals()
    {
        // Lateness 0, 2, 0, 2… ms: intervals alternate 22 and 18 ms.
        var script = Enumerable.Range(0, 101).Select(i => Ms(i % 2 == 1 ? 2 : 0)).ToArray();
        var clock = NewClock(new ScriptedWaiter(_time, script));
        clock.Begin();
        for (int i = 0; i < 101; i++)
        {
            clock.RunOnce();
        }

        var statistics = clock.GetStatistics();
        Assert.Equal(101, statistics.Ticks);
        Assert.Equal(TimeSpan.Zero, statistics.LatenessP50);
        Assert.Equal(Ms(2), statistics.LatenessP99);
        Assert.Equal(Ms(2), statistics.LatenessMax);
        Assert.Equal(Ms(18), statistics.IntervalP1);
        Assert.Equal(Ms(18), statistics.IntervalP50);
        Assert.Equal(Ms(22), statistics.IntervalP99);
        Assert.Equal(Ms(18), statistics.IntervalMin);
        Assert.Equal(Ms(22), statistics.IntervalMax);

        clock.ResetStatistics();
        Assert.Equal(0, clock.GetStatistics().Ticks);
    }

    [Fact]
    public void A_long_stall_skips_ticks_and_the_indices_show_it()
    {
        // The second wait oversleeps by 300 ms (15 intervals), more than the 5 ticks of catch-up allowed.
        var clock = NewClock(new ScriptedWaiter(_time, Ms(0), Ms(300), Ms(0), Ms(0)));
        var recorder = new Recorder();
        clock.Subscribe(recorder);
        clock.Begin();
        for (int i = 0; i < 4; i++)
        {
            clock.RunOnce();
        }

        Assert.Equal([0L, 16, 17, 18], recorder.Ticks.Select(t => t.Index));
        Assert.Equal(15, clock.GetStatistics().SkippedTicks);
    }

    [Fact]
    public void A_short_stall_is_caught_up_back_to_back()
    {
        // 50 ms late: ticks 1, 2 and 3 run at once, then the grid resumes.
        var clock = NewClock(new ScriptedWaiter(_time, Ms(0), Ms(50), Ms(0), Ms(0), Ms(0)));
        var recorder = new Recorder();
        clock.Subscribe(recorder);
        clock.Begin();
        for (int i = 0; i < 5; i++)
        {
            clock.RunOnce();
        }

        Assert.Equal([0L, 1, 2, 3, 4], recorder.Ticks.Select(t => t.Index));
        Assert.Equal([Ms(0), Ms(50), Ms(30), Ms(10), Ms(0)], recorder.Ticks.Select(t => t.Lateness));
        Assert.Equal(0, clock.GetStatistics().SkippedTicks);
    }

    [Fact]
    public void Unsubscribed_callbacks_stop_and_others_continue()
    {
        var clock = NewClock(new ScriptedWaiter(_time, new TimeSpan[6]));
        var first = new Recorder();
        var second = new Recorder();
        var subscription = clock.Subscribe(first);
        clock.Subscribe(second);
        Assert.Equal(2, clock.SubscriberCount);
        clock.Begin();
        clock.RunOnce();
        clock.RunOnce();
        subscription.Dispose();
        subscription.Dispose();
        clock.RunOnce();
        Assert.Equal(2, first.Ticks.Count);
        Assert.Equal(3, second.Ticks.Count);
        Assert.Equal(1, clock.SubscriberCount);
    }

    [Fact]
    public void A_throwing_subscriber_is_counted_and_does_not_starve_the_others()
    {
        var clock = NewClock(new ScriptedWaiter(_time, new TimeSpan[3]));
        var after = new Recorder();
        clock.Subscribe(new Throwing());
        clock.Subscribe(after);
        clock.Begin();
        clock.RunOnce();
        clock.RunOnce();
        Assert.Equal(2, after.Ticks.Count);
        Assert.Equal(2, clock.GetStatistics().SubscriberFailures);
    }

    [Fact]
    public void An_early_wake_up_runs_nothing()
    {
        var waiter = new ScriptedWaiter(_time, Ms(0)) { WakeEarlyBy = Ms(5) };
        var clock = NewClock(waiter);
        var recorder = new Recorder();
        clock.Subscribe(recorder);
        clock.Begin();
        Assert.True(clock.RunOnce());
        Assert.False(clock.RunOnce());
        Assert.Single(recorder.Ticks);
    }

    [Fact]
    public void Starting_twice_is_refused_and_running_unstarted_is_refused()
    {
        var clock = NewClock(new ScriptedWaiter(_time));
        Assert.Throws<InvalidOperationException>(() => clock.RunOnce());
        clock.Begin();
        Assert.Throws<InvalidOperationException>(clock.Begin);
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new MediaClock(new MediaClockOptions { TickInterval = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => new MediaClock(new MediaClockOptions { MaxCatchUpTicks = -1 }));
    }

    private MediaClock NewClock(ITickWaiter waiter) =>
        new(new MediaClockOptions { TickInterval = Interval, MaxCatchUpTicks = 5 }, _time, waiter, null);

    private long Ticks(TimeSpan span) => span.Ticks * _time.TimestampFrequency / TimeSpan.TicksPerSecond;

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    /// <summary>Advances fake time to each deadline plus the next scripted oversleep (or stops short of it).</summary>
    private sealed class ScriptedWaiter(FakeTimeProvider time, params TimeSpan[] script) : ITickWaiter
    {
        private int _next;

        public TimeSpan[] Script { get; } = script;

        public TimeSpan WakeEarlyBy { get; init; }

        public void WaitUntil(long timestamp)
        {
            // FakeTimeProvider timestamps are TimeSpan ticks; stay in integers (large timestamps lose precision as doubles).
            var offset = _next < Script.Length ? Script[_next++] : -WakeEarlyBy;
            long target = timestamp + offset.Ticks;
            long now = time.GetTimestamp();
            if (target > now)
            {
                time.Advance(TimeSpan.FromTicks(target - now));
            }
        }
    }

    private sealed class Recorder : IMediaClockSubscriber
    {
        public List<MediaTick> Ticks { get; } = [];

        public void OnTick(in MediaTick tick) => Ticks.Add(tick);
    }

    private sealed class Throwing : IMediaClockSubscriber
    {
        public void OnTick(in MediaTick tick) => throw new InvalidOperationException("broken subscriber");
    }
}
