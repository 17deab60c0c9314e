using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Media.Transport.Clock;

/// <summary>
/// The one 20 ms tick source for every call, instead of a timer per call: a dedicated high-priority thread wakes
/// at start + n × interval (never "previous + interval", so lateness never accumulates into drift) and calls each
/// subscriber in turn. On Linux the thread sleeps with clock_nanosleep to an absolute monotonic deadline and asks
/// for real-time scheduling (see <see cref="MediaClockPriority"/>); elsewhere it sleeps to within 1.5 ms and spins
/// the rest. Lateness and interval statistics are kept for pacing checks.
/// </summary>
public sealed partial class MediaClock : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly ITickWaiter _waiter;
    private readonly ILogger _logger;
    private readonly long _period;
    private readonly int _maxCatchUpTicks;
    private readonly MediaClockPriority _priority;
    private readonly TaskCompletionSource<string> _threadStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly TimingHistogram _lateness = new();
    private readonly TimingHistogram _intervals = new();
    private IMediaClockSubscriber[] _subscribers = [];
    private MediaTickSchedule? _schedule;
    private Thread? _thread;
    private long _previousTickStart;
    private bool _hasPreviousTick;
    private long _skippedAtReset;
    private long _subscriberFailures;
    private long _lastFailureLog = long.MinValue;
    private volatile bool _stopping;

    /// <summary>Creates a clock on the system's monotonic time; call <see cref="Start"/> to begin ticking.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public MediaClock(MediaClockOptions options, ILogger<MediaClock>? logger = null)
        : this(options, TimeProvider.System, CreateSystemWaiter(out string waiterName), logger)
    {
        WaiterName = waiterName;
    }

    internal MediaClock(MediaClockOptions options, TimeProvider timeProvider, ITickWaiter waiter, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        TickInterval = options.TickInterval;
        _timeProvider = timeProvider;
        _waiter = waiter;
        _logger = logger ?? NullLogger.Instance;
        _period = TimestampTicks.FromTimeSpan(options.TickInterval, timeProvider.TimestampFrequency);
        _maxCatchUpTicks = options.MaxCatchUpTicks;
        _priority = options.Priority;
        WaiterName = waiter.GetType().Name;
    }

    /// <summary>Time between ticks.</summary>
    public TimeSpan TickInterval { get; }

    /// <summary>How the clock thread waits: "clock_nanosleep" or "sleep+spin".</summary>
    public string WaiterName { get; }

    /// <summary>
    /// The scheduling the clock thread obtained ("SCHED_FIFO 10", "nice -10", "normal…"); completes once the thread
    /// has started.
    /// </summary>
    public Task<string> EffectivePriority => _threadStarted.Task;

    /// <summary>Number of subscribers now.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>
    /// Adds <paramref name="subscriber"/> to every tick from the next one on. Dispose the result to remove it; a tick
    /// already in progress may still reach it once.
    /// </summary>
    public IDisposable Subscribe(IMediaClockSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_lock)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        return new Subscription(this, subscriber);
    }

    /// <summary>Starts the clock thread; tick 0 is due now.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        Begin();
        _thread = new Thread(Run) { IsBackground = true, Name = "Media clock" };
        _thread.Start();
    }

    /// <summary>The pacing figures since the start or the last <see cref="ResetStatistics"/>.</summary>
    public MediaClockStatistics GetStatistics()
    {
        lock (_lock)
        {
            return new MediaClockStatistics(
                _lateness.Count,
                (_schedule?.SkippedTicks ?? 0) - _skippedAtReset,
                Interlocked.Read(ref _subscriberFailures),
                _lateness.Percentile(50),
                _lateness.Percentile(99),
                _lateness.Count == 0 ? TimeSpan.Zero : _lateness.Max,
                _intervals.Percentile(1),
                _intervals.Percentile(50),
                _intervals.Percentile(99),
                _intervals.Count == 0 ? TimeSpan.Zero : _intervals.Min,
                _intervals.Count == 0 ? TimeSpan.Zero : _intervals.Max);
        }
    }

    /// <summary>Starts the statistics afresh (for example after a warm-up).</summary>
    public void ResetStatistics()
    {
        lock (_lock)
        {
            _lateness.Reset();
            _intervals.Reset();
            _skippedAtReset = _schedule?.SkippedTicks ?? 0;
            Interlocked.Exchange(ref _subscriberFailures, 0);
        }
    }

    /// <summary>Stops the clock thread (within one tick interval) and waits for it, unless called from a tick.</summary>
    public void Dispose()
    {
        _stopping = true;
        if (_thread is not null && Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }
    }

    /// <summary>Fixes the start of the schedule at the current time.</summary>
    internal void Begin()
    {
        if (_schedule is not null)
        {
            throw new InvalidOperationException("The media clock has already been started.");
        }

        _schedule = new MediaTickSchedule(_timeProvider.GetTimestamp(), _period, _maxCatchUpTicks);
    }

    /// <summary>Waits for the next due tick and runs it; false when the wait ended early and nothing was due.</summary>
    internal bool RunOnce()
    {
        var schedule = _schedule ?? throw new InvalidOperationException("The media clock has not been started.");
        _waiter.WaitUntil(schedule.NextDue);
        long now = _timeProvider.GetTimestamp();
        if (!schedule.TryTake(now, out long index, out long due))
        {
            return false;
        }

        RecordTiming(now, due);
        var tick = new MediaTick(index, due, _timeProvider.GetElapsedTime(due, now));
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber.OnTick(tick);
            }
            catch (Exception e)
            {
                OnSubscriberFailure(e, now);
            }
        }

        return true;
    }

    private static ITickWaiter CreateSystemWaiter(out string name)
    {
        if (AbsoluteSleepWaiter.IsUsable())
        {
            name = "clock_nanosleep";
            return new AbsoluteSleepWaiter();
        }

        name = "sleep+spin";
        return new SleepSpinWaiter(TimeProvider.System, TimeSpan.FromMilliseconds(1.5));
    }

    private void Run()
    {
        string priority = ClockThreadPriority.Apply(_priority);
        if (_priority != MediaClockPriority.Normal && priority.StartsWith("normal", StringComparison.Ordinal))
        {
            LogPriorityRefused(_logger, priority);
        }

        _threadStarted.TrySetResult(priority);
        while (!_stopping)
        {
            RunOnce();
        }
    }

    private void RecordTiming(long now, long due)
    {
        lock (_lock)
        {
            _lateness.Record(_timeProvider.GetElapsedTime(due, now));
            if (_hasPreviousTick)
            {
                _intervals.Record(_timeProvider.GetElapsedTime(_previousTickStart, now));
            }

            _previousTickStart = now;
            _hasPreviousTick = true;
        }
    }

    private void OnSubscriberFailure(Exception e, long now)
    {
        long failures = Interlocked.Increment(ref _subscriberFailures);
        if (now - _lastFailureLog >= _timeProvider.TimestampFrequency)
        {
            _lastFailureLog = now;
            LogSubscriberFailure(_logger, e, failures);
        }
    }

    private void Unsubscribe(IMediaClockSubscriber subscriber)
    {
        lock (_lock)
        {
            int index = Array.IndexOf(_subscribers, subscriber);
            if (index >= 0)
            {
                _subscribers = [.. _subscribers.AsSpan(0, index), .. _subscribers.AsSpan(index + 1)];
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The media clock thread runs at {Priority}: media pacing will suffer on a busy machine; grant CAP_SYS_NICE or an RLIMIT_RTPRIO to fix it")]
    private static partial void LogPriorityRefused(ILogger logger, string priority);

    [LoggerMessage(Level = LogLevel.Error, Message = "A media clock subscriber threw ({Failures} failures so far)")]
    private static partial void LogSubscriberFailure(ILogger logger, Exception exception, long failures);

    /// <summary>Removes its subscriber once, however often it is disposed.</summary>
    private sealed class Subscription(MediaClock clock, IMediaClockSubscriber subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                clock.Unsubscribe(subscriber);
            }
        }
    }
}
