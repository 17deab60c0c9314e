using CallCenter.Media.Tests.Transport.Support;
using CallCenter.Media.Transport.Clock;

namespace CallCenter.Media.Tests.Transport.Clock;

/// <summary>The real clock thread: it starts, ticks, reports its priority and stops. Pacing itself is benchmarked, not tested.</summary>
public class MediaClockThreadTests
{
    [Theory]
    [InlineData(MediaClockPriority.Normal)]
    [InlineData(MediaClockPriority.Realtime)]
    public async Task Ticks_on_its_own_thread_until_disposed(MediaClockPriority priority)
    {
        var clock = new MediaClock(new MediaClockOptions { TickInterval = TimeSpan.FromMilliseconds(5), Priority = priority });
        var counter = new CountingSubscriber();
        clock.Subscribe(counter);
        clock.Start();
        Eventually.True(() => Volatile.Read(ref counter.Ticks) >= 3, "three ticks");
        string obtained = await clock.EffectivePriority.WaitAsync(TimeSpan.FromSeconds(10));
        if (priority == MediaClockPriority.Normal)
        {
            Assert.Equal("normal", obtained);
        }
        else
        {
            Assert.True(obtained.StartsWith("SCHED_FIFO", StringComparison.Ordinal) || obtained.StartsWith("nice", StringComparison.Ordinal) || obtained.StartsWith("normal", StringComparison.Ordinal), obtained);
        }

        Assert.NotEqual(Environment.CurrentManagedThreadId, counter.ThreadId);
        Assert.True(clock.GetStatistics().Ticks >= 3);
        Assert.Contains(clock.WaiterName, new[] { "clock_nanosleep", "sleep+spin" });

        clock.Dispose();
        long after = Volatile.Read(ref counter.Ticks);
        Thread.Sleep(30);
        Assert.Equal(after, Volatile.Read(ref counter.Ticks));
        Assert.Throws<InvalidOperationException>(clock.Start);
    }

    private sealed class CountingSubscriber : IMediaClockSubscriber
    {
        public long Ticks;
        public int ThreadId;

        public void OnTick(in MediaTick tick)
        {
            ThreadId = Environment.CurrentManagedThreadId;
            Interlocked.Increment(ref Ticks);
        }
    }
}
