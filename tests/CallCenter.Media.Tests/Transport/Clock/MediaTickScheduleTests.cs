using CallCenter.Media.Transport.Clock;

namespace CallCenter.Media.Tests.Transport.Clock;

public class MediaTickScheduleTests
{
    private const long Period = 20_000;

    [Fact]
    public void Ticks_are_due_at_start_plus_n_periods_however_late_they_run()
    {
        var schedule = new MediaTickSchedule(start: 1_000_000, Period, maxCatchUpTicks: 5);
        long[] lateness = [0, 700, 3_000, 19_999, 5, 12_000, 0];
        for (int n = 0; n < lateness.Length; n++)
        {
            long due = 1_000_000 + (n * Period);
            Assert.Equal(due, schedule.NextDue);
            Assert.True(schedule.TryTake(due + lateness[n], out long index, out long takenDue));
            Assert.Equal(n, index);
            Assert.Equal(due, takenDue);
        }

        // After those delays the schedule has not drifted: tick 1000 is due exactly 1000 periods after the start.
        for (int n = lateness.Length; n < 1000; n++)
        {
            Assert.True(schedule.TryTake(schedule.NextDue + 1_500, out _, out _));
        }

        Assert.Equal(1_000_000 + (1000 * Period), schedule.NextDue);
        Assert.Equal(0, schedule.SkippedTicks);
    }

    [Fact]
    public void Nothing_is_taken_before_it_is_due()
    {
        var schedule = new MediaTickSchedule(0, Period, 5);
        Assert.True(schedule.TryTake(0, out _, out _));
        Assert.False(schedule.TryTake(Period - 1, out long index, out long due));
        Assert.Equal(1, index);
        Assert.Equal(Period, due);
        Assert.Equal(1, schedule.NextIndex);
    }

    [Fact]
    public void A_short_stall_is_caught_up_tick_by_tick()
    {
        var schedule = new MediaTickSchedule(0, Period, maxCatchUpTicks: 5);
        long now = (3 * Period) + 100;
        var taken = new List<long>();
        while (schedule.TryTake(now, out long index, out _))
        {
            taken.Add(index);
        }

        Assert.Equal([0, 1, 2, 3], taken);
        Assert.Equal(0, schedule.SkippedTicks);
    }

    [Fact]
    public void A_long_stall_skips_to_the_latest_due_tick()
    {
        var schedule = new MediaTickSchedule(0, Period, maxCatchUpTicks: 5);
        Assert.True(schedule.TryTake(0, out _, out _));

        // Tick 1 was due at 20 000; at 250 000 ticks 1 to 12 are due: 11 more than tick 1 itself.
        Assert.True(schedule.TryTake(250_000, out long index, out long due));
        Assert.Equal(12, index);
        Assert.Equal(12 * Period, due);
        Assert.Equal(11, schedule.SkippedTicks);
        Assert.False(schedule.TryTake(250_000, out _, out _));
        Assert.Equal(13 * Period, schedule.NextDue);
    }

    [Fact]
    public void Exactly_the_catch_up_allowance_is_still_caught_up()
    {
        var schedule = new MediaTickSchedule(0, Period, maxCatchUpTicks: 2);

        // Two ticks overdue: all three run.
        var taken = new List<long>();
        while (schedule.TryTake(2 * Period, out long index, out _))
        {
            taken.Add(index);
        }

        Assert.Equal([0, 1, 2], taken);
        Assert.Equal(0, schedule.SkippedTicks);

        // Three overdue: skipped to the latest.
        Assert.True(schedule.TryTake(6 * Period, out long latest, out _));
        Assert.Equal(6, latest);
        Assert.Equal(3, schedule.SkippedTicks);
    }
}
