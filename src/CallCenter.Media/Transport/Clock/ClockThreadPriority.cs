using System.Runtime.InteropServices;
using CallCenter.Media.Transport.Native;

namespace CallCenter.Media.Transport.Clock;

/// <summary>Raises the calling thread's scheduling priority as far as the process is allowed.</summary>
internal static class ClockThreadPriority
{
    /// <summary>SCHED_FIFO priority used: above ordinary threads, well below the kernel's own real-time threads.</summary>
    internal const int FifoPriority = 10;

    /// <summary>Nice value tried when real-time scheduling is not allowed.</summary>
    internal const int ElevatedNice = -10;

    /// <summary>Applies <paramref name="requested"/> to the calling thread; returns what it obtained, for diagnostics.</summary>
    public static string Apply(MediaClockPriority requested)
    {
        if (requested == MediaClockPriority.Normal || !LinuxNative.IsSupported)
        {
            return "normal";
        }

        try
        {
            int threadId = LinuxNative.GetThreadId();
            int priority = FifoPriority;
            if (LinuxNative.SetScheduler(threadId, LinuxNative.SchedulerFifo, ref priority) == 0)
            {
                return $"SCHED_FIFO {FifoPriority}";
            }

            if (LinuxNative.SetPriority(LinuxNative.PriorityProcess, threadId, ElevatedNice) == 0)
            {
                return $"nice {ElevatedNice}";
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // An unusual C library without these calls: stay at normal priority.
        }

        return $"normal (elevation refused: error {Marshal.GetLastPInvokeError()})";
    }
}
