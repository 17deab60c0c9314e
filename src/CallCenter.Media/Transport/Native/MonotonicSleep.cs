namespace CallCenter.Media.Transport.Native;

/// <summary>
/// Sleeps with sub-millisecond resolution where the platform allows it. <see cref="Thread.Sleep(TimeSpan)"/> rounds
/// to whole milliseconds; on Linux clock_nanosleep honours microseconds (plus the kernel's ~50 µs timer slack).
/// </summary>
internal static class MonotonicSleep
{
    /// <summary>Sleeps for about <paramref name="duration"/>; elsewhere than Linux, for at least one millisecond.</summary>
    public static void Sleep(TimeSpan duration)
    {
        if (LinuxNative.IsSupported)
        {
            var request = LinuxNative.Timespec.FromNanoseconds(duration.Ticks * 100);
            _ = LinuxNative.ClockNanosleep(LinuxNative.ClockMonotonic, 0, ref request, IntPtr.Zero);
            return;
        }

        Thread.Sleep(Math.Max(1, (int)Math.Ceiling(duration.TotalMilliseconds)));
    }
}
