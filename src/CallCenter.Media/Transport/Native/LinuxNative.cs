using System.Runtime.InteropServices;

namespace CallCenter.Media.Transport.Native;

/// <summary>
/// The few Linux C library calls the media transport uses where .NET has no equivalent: epoll (one wait for the
/// readiness of thousands of sockets) and clock_nanosleep (a sleep until an absolute monotonic time). Arguments are
/// blittable arrays and structs, so no unsafe code is needed. Callers check <see cref="IsSupported"/> first.
/// </summary>
internal static class LinuxNative
{
    internal const int EpollCtlAdd = 1;
    internal const int EpollCtlDel = 2;
    internal const uint EpollIn = 0x001;
    internal const int EpollCloexec = 0x80000;
    internal const int ClockMonotonic = 1;
    internal const int TimerAbsoluteTime = 1;
    internal const int ErrorInterrupted = 4;
    internal const int SchedulerFifo = 1;
    internal const int PriorityProcess = 0;

    private const string LibC = "libc";

    /// <summary>
    /// True on 64-bit Linux on x64 or Arm64, the platforms whose epoll_event and timespec layouts this class knows.
    /// </summary>
    internal static bool IsSupported =>
        OperatingSystem.IsLinux()
        && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>
    /// Size of struct epoll_event: packed to 12 bytes on x86-64, naturally aligned to 16 elsewhere
    /// (the 64-bit data field then sits at offset 8).
    /// </summary>
    internal static int EpollEventSize => RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    /// <summary>Offset of the 64-bit user data within struct epoll_event.</summary>
    internal static int EpollDataOffset => RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    [DllImport(LibC, EntryPoint = "epoll_create1", SetLastError = true)]
    internal static extern int EpollCreate(int flags);

    [DllImport(LibC, EntryPoint = "epoll_ctl", SetLastError = true)]
    internal static extern int EpollControl(int epollFd, int operation, int fd, byte[] epollEvent);

    [DllImport(LibC, EntryPoint = "epoll_wait", SetLastError = true)]
    internal static extern int EpollWait(int epollFd, byte[] events, int maxEvents, int timeoutMilliseconds);

    [DllImport(LibC, EntryPoint = "close", SetLastError = true)]
    internal static extern int Close(int fd);

    /// <summary>Returns 0 or an error number (it does not set errno).</summary>
    [DllImport(LibC, EntryPoint = "clock_nanosleep")]
    internal static extern int ClockNanosleep(int clockId, int flags, ref Timespec request, IntPtr remain);

    [DllImport(LibC, EntryPoint = "clock_gettime", SetLastError = true)]
    internal static extern int ClockGetTime(int clockId, out Timespec time);

    [DllImport(LibC, EntryPoint = "gettid")]
    internal static extern int GetThreadId();

    /// <summary>Sets a thread's scheduling policy; the parameter is struct sched_param, a single int priority.</summary>
    [DllImport(LibC, EntryPoint = "sched_setscheduler", SetLastError = true)]
    internal static extern int SetScheduler(int threadId, int policy, ref int priority);

    /// <summary>Sets a thread's nice value (PRIO_PROCESS with a thread id applies to that thread on Linux).</summary>
    [DllImport(LibC, EntryPoint = "setpriority", SetLastError = true)]
    internal static extern int SetPriority(int which, int threadId, int nice);

    /// <summary>struct timespec on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;

        public static Timespec FromNanoseconds(long nanoseconds) => new()
        {
            Seconds = nanoseconds / 1_000_000_000,
            Nanoseconds = nanoseconds % 1_000_000_000,
        };

        public readonly long ToNanoseconds() => (Seconds * 1_000_000_000) + Nanoseconds;
    }
}
