using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// What the four §17 state machines share: one lock that serialises every event of the transaction (messages, timer
/// firings, user calls), its timers, sending through the transport with error reporting (§17.1.4, §17.2.4), and an
/// ordered queue of calls to the user that is drained outside the lock, so that a user may call back in.
/// </summary>
public abstract class SipTransaction
{
    private static readonly int TimerCount = Enum.GetValues<TransactionTimer>().Length;

    private static readonly TimerCallback TimerFired = static state =>
    {
        var ticket = (TimerTicket)state!;
        ticket.Owner.OnTimerFired(ticket.Timer, ticket.Generation);
    };

    private readonly Lock _gate = new();
    private readonly Queue<UserCall> _pendingCalls = new();
    private readonly bool _userVisible;
    private ITimer?[]? _timers;
    private int[]? _timerGenerations;
    private TaskCompletionSource? _termination;
    private volatile TransactionState _state;
    private bool _delivering;
    private bool _finishing;
    private bool _finished;

    private protected SipTransaction(
        TransactionContext context, TransactionKind kind, SipRequest request, string branch, TransactionState initialState, bool userVisible)
    {
        Context = context;
        Kind = kind;
        Request = request;
        Branch = branch;
        _state = initialState;
        _userVisible = userVisible;
    }

    /// <summary>Which of the four state machines this is.</summary>
    public TransactionKind Kind { get; }

    /// <summary>The request that created the transaction.</summary>
    public SipRequest Request { get; }

    /// <summary>The top Via branch of <see cref="Request"/> (for RFC 2543 peers it may lack the magic cookie, or be empty).</summary>
    public string Branch { get; }

    /// <summary>The current state; it may change as soon as it has been read.</summary>
    public TransactionState State => ReportedState(_state);

    /// <summary>Anything the user wants to attach (e.g. its call or dialog); the layer never reads it.</summary>
    public object? UserState { get; set; }

    /// <summary>Completes once the transaction has terminated, its last user call has returned and it has left the tables.</summary>
    public Task Termination => TerminationTask();

    internal TransactionContext Context { get; }

    private protected Lock Gate => _gate;

    private protected SipTimerOptions Timers => Context.Timers;

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Request.Method} {Branch} ({State})";

    /// <summary>The state <see cref="State"/> reports, given the state machine's own.</summary>
    private protected virtual TransactionState ReportedState(TransactionState state) => state;

    /// <summary>
    /// The task behind <see cref="Termination"/>, created on first use (few users ask, and a Completed transaction
    /// should not carry one for nothing).
    /// </summary>
    private protected virtual Task TerminationTask()
    {
        lock (_gate)
        {
            if (_termination is null)
            {
                _termination = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_finished)
                {
                    _termination.TrySetResult();
                }
            }

            return _termination.Task;
        }
    }

    /// <summary>The termination source if <see cref="Termination"/> has been asked for, else null. Under the lock.</summary>
    private protected TaskCompletionSource? TerminationSourceLocked => _termination;

    /// <summary>Handles a timer that fired for the current state; runs under the lock.</summary>
    private protected abstract void OnTimerLocked(TransactionTimer timer);

    /// <summary>Reacts to a failed send (§17.1.4, §17.2.4); runs under the lock.</summary>
    private protected abstract void OnTransportErrorLocked();

    /// <summary>Moves to <paramref name="next"/>; entering Terminated stops every timer. Under the lock.</summary>
    private protected void TransitionTo(TransactionState next)
    {
        _state = next;
        if (next == TransactionState.Terminated && _timers is not null)
        {
            for (var i = 0; i < _timers.Length; i++)
            {
                StopTimer((TransactionTimer)i);
            }
        }
    }

    /// <summary>§17.1.1.2 and friends: the transaction "MUST be destroyed the instant it enters Terminated".</summary>
    private protected void Terminate() => TransitionTo(TransactionState.Terminated);

    /// <summary>Queues a call to the user, made in order and outside the lock by <see cref="DeliverPending"/>.</summary>
    private protected void NotifyUser(string name, Action<ITransactionUser> call)
    {
        if (_userVisible)
        {
            _pendingCalls.Enqueue(new UserCall(name, call));
        }
    }

    /// <summary>Counts, logs and reports a failure to the user. Under the lock.</summary>
    private protected void ReportFailure(TransactionFailure failure, string detail)
    {
        if (failure == TransactionFailure.Timeout)
        {
            Context.Counters.TimedOut();
            TransactionLog.TimedOut(Context.Logger, Kind, Branch, detail);
        }

        NotifyUser(nameof(ITransactionUser.OnFailure), user => user.OnFailure(this, failure));
    }

    /// <summary>(Re)starts a one-shot timer; an earlier instance of the same timer is cancelled. Under the lock.</summary>
    private protected void StartTimer(TransactionTimer timer, TimeSpan due)
    {
        var index = (int)timer;
        _timers ??= new ITimer?[TimerCount];
        _timerGenerations ??= new int[TimerCount];
        _timers[index]?.Dispose();
        var generation = ++_timerGenerations[index];
        _timers[index] = Context.Time.CreateTimer(TimerFired, new TimerTicket(this, timer, generation), due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Cancels a timer; a firing already on its way is recognised as stale and ignored. Under the lock.</summary>
    private protected void StopTimer(TransactionTimer timer)
    {
        if (_timers is null || _timerGenerations is null)
        {
            return;
        }

        var index = (int)timer;
        _timerGenerations[index]++;
        _timers[index]?.Dispose();
        _timers[index] = null;
    }

    /// <summary>
    /// Hands a message to the transport, under the lock so that the transaction's messages leave in order. Returns
    /// false when the send failed at once, after <see cref="OnTransportErrorLocked"/> ran; a send that fails later
    /// reports through the same path when it completes.
    /// </summary>
    private protected bool Send(SipMessage message, SipRemote destination)
    {
        ValueTask<bool> sending;
        try
        {
            sending = Context.Sender.SendAsync(message, destination);
        }
        catch (Exception exception)
        {
            TransactionLog.SenderThrew(Context.Logger, exception, destination);
            sending = new ValueTask<bool>(false);
        }

        return Sent(sending, destination);
    }

    /// <summary>As <see cref="Send"/>, for a response already serialised (<see cref="ISipMessageSender.SendSerializedResponseAsync"/>).</summary>
    private protected bool SendSerialized(byte[] wire, int statusCode, SipRemote destination)
    {
        ValueTask<bool> sending;
        try
        {
            sending = Context.Sender.SendSerializedResponseAsync(wire, statusCode, destination);
        }
        catch (Exception exception)
        {
            TransactionLog.SenderThrew(Context.Logger, exception, destination);
            sending = new ValueTask<bool>(false);
        }

        return Sent(sending, destination);
    }

    /// <summary>The outcome of a send that has been started; see <see cref="Send"/>. Under the lock.</summary>
    private bool Sent(ValueTask<bool> sending, SipRemote destination)
    {
        if (!sending.IsCompleted)
        {
            _ = ObserveSendAsync(sending, destination);
            return true;
        }

        if (ResultOf(sending, destination))
        {
            return true;
        }

        TransportFailedLocked(destination);
        return false;
    }

    /// <summary>
    /// Makes the queued user calls, one at a time and in order, outside the lock. A call made by a user from inside
    /// a callback only queues; the outer loop delivers it. Once the transaction is Terminated and the queue is empty,
    /// the layer is told exactly once so that it removes the transaction from its tables.
    /// </summary>
    private protected void DeliverPending()
    {
        lock (_gate)
        {
            if (_delivering)
            {
                return;
            }

            _delivering = true;
        }

        while (true)
        {
            UserCall call;
            var finish = false;
            lock (_gate)
            {
                if (!_pendingCalls.TryDequeue(out call))
                {
                    if (_state != TransactionState.Terminated || _finishing)
                    {
                        _delivering = false;
                        return;
                    }

                    _finishing = finish = true;
                }
            }

            if (finish)
            {
                Context.OnTerminated(this);
                TaskCompletionSource? termination;
                lock (_gate)
                {
                    _finished = true;
                    termination = _termination;
                }

                termination?.TrySetResult();
                continue;
            }

            try
            {
                call.Invoke(Context.User);
            }
            catch (Exception exception)
            {
                TransactionLog.UserCallbackFailed(Context.Logger, exception, call.Name, Kind, Branch);
            }
        }
    }

    private void OnTimerFired(TransactionTimer timer, int generation)
    {
        lock (_gate)
        {
            var index = (int)timer;
            if (_state == TransactionState.Terminated || _timers is null || _timerGenerations![index] != generation)
            {
                return;
            }

            _timers[index]?.Dispose();
            _timers[index] = null;
            OnTimerLocked(timer);
        }

        DeliverPending();
    }

    private async Task ObserveSendAsync(ValueTask<bool> sending, SipRemote destination)
    {
        bool sent;
        try
        {
            sent = await sending.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            TransactionLog.SenderThrew(Context.Logger, exception, destination);
            sent = false;
        }

        if (sent)
        {
            return;
        }

        lock (_gate)
        {
            if (_state != TransactionState.Terminated)
            {
                TransportFailedLocked(destination);
            }
        }

        DeliverPending();
    }

    private bool ResultOf(ValueTask<bool> completed, SipRemote destination)
    {
        try
        {
            return completed.Result;
        }
        catch (Exception exception)
        {
            TransactionLog.SenderThrew(Context.Logger, exception, destination);
            return false;
        }
    }

    private void TransportFailedLocked(SipRemote destination)
    {
        Context.Counters.TransportFailed();
        TransactionLog.TransportError(Context.Logger, Kind, Branch, destination);
        OnTransportErrorLocked();
    }

    private readonly record struct UserCall(string Name, Action<ITransactionUser> Invoke);

    private sealed record TimerTicket(SipTransaction Owner, TransactionTimer Timer, int Generation);
}
