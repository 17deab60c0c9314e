namespace CallCenter.Media.Transport.Clock;

/// <summary>
/// Portable waiter: sleeps in whole milliseconds until close to the deadline, then spins the rest. Sleep alone
/// overshoots by up to a millisecond (more on Windows), spinning alone burns a core; together they cost a fraction
/// of a millisecond of CPU per tick.
/// </summary>
internal sealed class SleepSpinWaiter(TimeProvider timeProvider, TimeSpan spinWindow) : ITickWaiter
{
    private readonly long _spinWindow = TimestampTicks.FromTimeSpan(spinWindow, timeProvider.TimestampFrequency);
    private readonly long _ticksPerMillisecond = Math.Max(1, timeProvider.TimestampFrequency / 1000);

    public void WaitUntil(long timestamp)
    {
        while (true)
        {
            long remaining = timestamp - timeProvider.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            if (remaining > _spinWindow)
            {
                Thread.Sleep((int)Math.Max(1, (remaining - _spinWindow) / _ticksPerMillisecond));
            }
            else
            {
                Thread.SpinWait(20);
            }
        }
    }
}
