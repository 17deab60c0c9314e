using System.Runtime.InteropServices;

namespace CallCenter.RtpProbe;

/// <summary>
/// The Linux calls the probe uses where .NET has none: an absolute monotonic sleep (so a paced sender never drifts)
/// and real-time scheduling of a measuring thread (so the probe's own scheduling delays do not show up as the
/// server's jitter on a shared 2-core machine). Elsewhere both degrade to managed fallbacks.
/// </summary>
internal static class NativeTiming
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsoluteTime = 1;
    private const int SchedulerFifo = 1;
    private const int Interrupted = 4;

    private static bool IsLinux64 => OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>Now on CLOCK_MONOTONIC in nanoseconds (the clock <see cref="SleepUntil"/> waits on).</summary>
    public static long MonotonicNanoseconds()
    {
        if (IsLinux64 && ClockGetTime(ClockMonotonic, out var now) == 0)
        {
            return (now.Seconds * 1_000_000_000) + now.Nanoseconds;
        }

        return (long)(System.Diagnostics.Stopwatch.GetTimestamp() * (1_000_000_000.0 / System.Diagnostics.Stopwatch.Frequency));
    }

    /// <summary>Sleeps until <paramref name="deadlineNanoseconds"/> on CLOCK_MONOTONIC (returns at once if it has passed).</summary>
    public static void SleepUntil(long deadlineNanoseconds)
    {
        if (IsLinux64)
        {
            var request = new Timespec { Seconds = deadlineNanoseconds / 1_000_000_000, Nanoseconds = deadlineNanoseconds % 1_000_000_000 };
            while (ClockNanosleep(ClockMonotonic, TimerAbsoluteTime, ref request, IntPtr.Zero) == Interrupted)
            {
            }

            return;
        }

        long remaining = deadlineNanoseconds - MonotonicNanoseconds();
        if (remaining > 0)
        {
            Thread.Sleep(TimeSpan.FromTicks(remaining / 100));
        }
    }

    /// <summary>Puts the calling thread under SCHED_FIFO at <paramref name="priority"/>; what it obtained, for the report.</summary>
    public static string TryMakeRealtime(int priority)
    {
        if (priority <= 0)
        {
            return "normal";
        }

        if (!IsLinux64)
        {
            return "normal (real-time scheduling needs Linux)";
        }

        int value = priority;
        return SetScheduler(GetThreadId(), SchedulerFifo, ref value) == 0
            ? $"SCHED_FIFO {priority}"
            : $"normal (sched_setscheduler refused: error {Marshal.GetLastPInvokeError()})";
    }

    [DllImport("libc", EntryPoint = "clock_nanosleep")]
    private static extern int ClockNanosleep(int clockId, int flags, ref Timespec request, IntPtr remain);

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static extern int ClockGetTime(int clockId, out Timespec time);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static extern int SetScheduler(int threadId, int policy, ref int priority);

    /// <summary>struct timespec on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
