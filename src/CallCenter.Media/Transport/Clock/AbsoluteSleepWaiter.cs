using System.Diagnostics;
using CallCenter.Media.Transport.Native;

namespace CallCenter.Media.Transport.Clock;

/// <summary>
/// Linux: one clock_nanosleep until an absolute CLOCK_MONOTONIC time. The kernel's high-resolution timers wake the
/// thread within tens of microseconds of the deadline, with no spinning, and an absolute deadline cannot drift.
/// Valid only when <see cref="Stopwatch"/> timestamps are CLOCK_MONOTONIC nanoseconds, which <see cref="IsUsable"/> checks.
/// </summary>
internal sealed class AbsoluteSleepWaiter : ITickWaiter
{
    /// <summary>True when Stopwatch timestamps are CLOCK_MONOTONIC in nanoseconds on this machine.</summary>
    public static bool IsUsable()
    {
        if (!LinuxNative.IsSupported || Stopwatch.Frequency != 1_000_000_000)
        {
            return false;
        }

        long before = Stopwatch.GetTimestamp();
        if (LinuxNative.ClockGetTime(LinuxNative.ClockMonotonic, out var monotonic) != 0)
        {
            return false;
        }

        long after = Stopwatch.GetTimestamp();
        long native = monotonic.ToNanoseconds();
        return native >= before - 1_000_000 && native <= after + 1_000_000;
    }

    public void WaitUntil(long timestamp)
    {
        var deadline = LinuxNative.Timespec.FromNanoseconds(timestamp);
        while (LinuxNative.ClockNanosleep(LinuxNative.ClockMonotonic, LinuxNative.TimerAbsoluteTime, ref deadline, IntPtr.Zero)
            == LinuxNative.ErrorInterrupted)
        {
            // A signal ended the sleep early; the absolute deadline is unchanged, so sleep again.
        }
    }
}
