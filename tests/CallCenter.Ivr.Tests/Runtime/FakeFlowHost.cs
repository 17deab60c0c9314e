using CallCenter.Ivr.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Ivr.Tests.Runtime;

/// <summary>
/// A call for the runtime tests: records what the flow asks for, runs the one timer on a
/// <see cref="FakeTimeProvider"/> (so a timeout happens when the test advances the clock past it), and ends
/// playback only when the test says so.
/// </summary>
internal sealed class FakeFlowHost(FakeTimeProvider clock) : IFlowHost
{
    private ITimer? _timer;

    public sealed record Playback(IReadOnlyList<string> Keys, bool Interruptible, int Generation);

    public FlowRun? Run { get; set; }

    public TimeProvider Time => clock;

    public List<Playback> Plays { get; } = [];

    public int Stops { get; private set; }

    public List<TimeSpan> Timers { get; } = [];

    public int Cancels { get; private set; }

    public bool TimerRunning => _timer is not null;

    public int LastTimerGeneration { get; private set; }

    public HashSet<string> SkillsWithAgents { get; } = new(StringComparer.Ordinal);

    public List<QueueRequest> Queued { get; } = [];

    public List<string> Transfers { get; } = [];

    public int Hangups { get; private set; }

    /// <summary>Numbers <see cref="RequestCallback"/> accepts; every other number is refused.</summary>
    public HashSet<string> CallableNumbers { get; } = new(StringComparer.Ordinal);

    /// <summary>Every number the flow asked to be called back at, booked or not, in order.</summary>
    public List<string> CallbackRequests { get; } = [];

    /// <summary>Callbacks pending for the caller; <see cref="CancelCallbacks"/> withdraws them.</summary>
    public int PendingCallbacks { get; set; }

    /// <summary>Events in order ("play en/menu", "stop", "timer 5s", "cancel", "queue ...", "transfer ...", "hangup").</summary>
    public List<string> Log { get; } = [];

    /// <summary>Called inside <see cref="Queue"/>, to imitate routing that answers at once.</summary>
    public Action<FlowRun>? OnQueued { get; set; }

    public Playback LastPlay => Plays[^1];

    public void Play(IReadOnlyList<string> promptKeys, bool interruptible, int generation)
    {
        Plays.Add(new Playback([.. promptKeys], interruptible, generation));
        Log.Add("play " + string.Join(' ', promptKeys));
    }

    public void StopPlayback()
    {
        Stops++;
        Log.Add("stop");
    }

    public void StartTimer(TimeSpan delay, int generation)
    {
        _timer?.Dispose();
        Timers.Add(delay);
        LastTimerGeneration = generation;
        Log.Add($"timer {delay.TotalSeconds}s");
        _timer = clock.CreateTimer(_ => Expire(generation), null, delay, Timeout.InfiniteTimeSpan);
    }

    public void CancelTimer()
    {
        _timer?.Dispose();
        _timer = null;
        Cancels++;
        Log.Add("cancel");
    }

    public bool AgentsAvailable(string skill) => SkillsWithAgents.Contains(skill);

    public void Queue(QueueRequest request)
    {
        Queued.Add(request);
        Log.Add($"queue {string.Join(',', request.Skills)} {request.Priority}");
        OnQueued?.Invoke(Run!);
    }

    public void Transfer(string uri)
    {
        Transfers.Add(uri);
        Log.Add("transfer " + uri);
    }

    public void Hangup()
    {
        Hangups++;
        Log.Add("hangup");
    }

    public bool RequestCallback(string number, string? queue)
    {
        CallbackRequests.Add(number);
        bool booked = CallableNumbers.Contains(number);
        Log.Add((booked ? "callback " : "callback refused ") + number + (queue is null ? string.Empty : " in " + queue));
        return booked;
    }

    public int CancelCallbacks()
    {
        int cancelled = PendingCallbacks;
        PendingCallbacks = 0;
        Log.Add("cancel callbacks " + cancelled);
        return cancelled;
    }

    public bool CallbackPending() => PendingCallbacks > 0;

    /// <summary>The last playback ends.</summary>
    public void FinishPrompt() => Run!.OnPromptFinished(LastPlay.Generation);

    private void Expire(int generation)
    {
        _timer?.Dispose();
        _timer = null;
        Run!.OnTimeout(generation);
    }
}
