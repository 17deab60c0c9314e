using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Runtime;

/// <summary>
/// One call's way through a flow: the node it is in, its variables and its step log. The run holds only this
/// state (well under 2 KiB for a call stepping through menus); the behaviour comes from the flow's shared state
/// machine, which each event borrows. Events must come one at a time (the call's own context serialises them);
/// an event the host raises while the run is busy with another is handled right after it.
/// </summary>
public sealed partial class FlowRun
{
    // A call that loops a menu for an hour must not grow its ticket without bound.
    private const int MaxSteps = 512;

    // Transfers between flows that never wait for the caller (A -> B -> A ...) would otherwise spin forever.
    private const int MaxFlowChangesPerEvent = 8;

    private readonly FlowRuntime _runtime;
    private readonly IFlowHost _host;
    private readonly CallVariables _variables;
    private readonly List<FlowStep> _steps = new(16);
    private FlowDefinition _flow;
    private FlowMachinePool _machines;
    private FlowDefinition? _nextFlow;
    private Queue<DeferredEvent>? _deferred;
    private string _node;
    private QueueRequest? _queueRequest;
    private string? _transferUri;
    private FlowOutcome _outcome;
    private bool _started;
    private bool _firing;

    internal FlowRun(FlowRuntime runtime, FlowDefinition flow, IFlowHost host, string caller, string dialled)
        : this(runtime, flow, host, new CallVariables(4))
    {
        _variables.Set(FlowVariables.Caller, caller);
        _variables.Set(FlowVariables.Dialled, dialled);
        _variables.Set(FlowVariables.Language, flow.DefaultLanguage);
    }

    /// <summary>A run that carries on with <paramref name="variables"/>, which the caller of this constructor has checked.</summary>
    internal FlowRun(FlowRuntime runtime, FlowDefinition flow, IFlowHost host, CallVariables variables)
    {
        _runtime = runtime;
        _host = host;
        _flow = flow;
        _machines = runtime.MachinesFor(flow);
        _node = flow.Start;
        _variables = variables;
    }

    private enum EventKind : byte
    {
        Digit,
        PromptFinished,
        Timeout,
        NoAgent,
        HangUp,
    }

    /// <summary>The flow the run is in now (another one after a transfer to a flow).</summary>
    public FlowDefinition Flow => _flow;

    /// <summary>The id of the node the run is in.</summary>
    public string NodeId => _node;

    /// <summary>How the run left the flow, or <see cref="FlowOutcome.None"/> while it is still in it.</summary>
    public FlowOutcome Outcome => _outcome;

    /// <summary>True once the run has left the flow. A queued run resumes if routing calls <see cref="OnNoAgent"/>.</summary>
    public bool IsFinished => _outcome != FlowOutcome.None;

    /// <summary>What the run asked routing for when <see cref="Outcome"/> is <see cref="FlowOutcome.Queued"/>.</summary>
    public QueueRequest? QueueRequest => _queueRequest;

    /// <summary>Where the call was sent when <see cref="Outcome"/> is <see cref="FlowOutcome.Transferred"/>.</summary>
    public string? TransferUri => _transferUri;

    /// <summary>The call's variables: <c>caller</c>, <c>dialled</c>, <c>language</c> and those the flow set.</summary>
    public CallVariables Variables => _variables;

    /// <summary>What happened, in order (at most 512 entries; see <see cref="StepsOmitted"/>).</summary>
    public IReadOnlyList<FlowStep> Steps => _steps;

    /// <summary>Steps not kept because the log was full.</summary>
    public int StepsOmitted { get; private set; }

    /// <summary>Starts the flow at its start node. A second call does nothing.</summary>
    public void Start()
    {
        if (_started || IsFinished)
        {
            return;
        }

        _started = true;
        Fire(FlowTrigger.Start, '\0');
    }

    /// <summary>The caller pressed <paramref name="key"/> (0–9, * or #; anything else is ignored).</summary>
    public void OnDigit(char key)
    {
        if (Defer(EventKind.Digit, key, 0) || !Accepting("key"))
        {
            return;
        }

        string? text = KeyText(key);
        if (text is null)
        {
            FlowLog.NotAKey(_runtime.Logger, _flow.Name, key, _node);
            return;
        }

        Record(FlowStepKind.Key, text);
        LastKey = key;
        Fire(FlowTrigger.Digit, key);
    }

    /// <summary>The playback started with <paramref name="generation"/> has finished; any other generation is stale and ignored.</summary>
    public void OnPromptFinished(int generation)
    {
        if (Defer(EventKind.PromptFinished, '\0', generation) || !Accepting("prompt finished"))
        {
            return;
        }

        if (!_playing || generation != _playGeneration)
        {
            FlowLog.StaleEvent(_runtime.Logger, _flow.Name, "prompt finished", generation, _node);
            return;
        }

        _playing = false;
        if (Phase == FlowPhase.Releasing)
        {
            // The goodbye prompts of a hangup (or of a queue nobody can answer) are over: release the call.
            HangUpNow();
            return;
        }

        Fire(FlowTrigger.PromptFinished, '\0');
    }

    /// <summary>The timer started with <paramref name="generation"/> has expired; any other generation is stale and ignored.</summary>
    public void OnTimeout(int generation)
    {
        if (Defer(EventKind.Timeout, '\0', generation) || !Accepting("timeout"))
        {
            return;
        }

        if (!_timerRunning || generation != _timerGeneration)
        {
            FlowLog.StaleEvent(_runtime.Logger, _flow.Name, "timeout", generation, _node);
            return;
        }

        _timerRunning = false;
        Record(FlowStepKind.Timeout, null);
        Fire(FlowTrigger.Timeout, '\0');
    }

    /// <summary>Routing found no agent for the queued call: the flow continues at the queue's <c>no-agent</c> node, or says goodbye.</summary>
    public void OnNoAgent()
    {
        if (Defer(EventKind.NoAgent, '\0', 0))
        {
            return;
        }

        if (_outcome != FlowOutcome.Queued)
        {
            FlowLog.AfterEnd(_runtime.Logger, _flow.Name, "no agent", _outcome);
            return;
        }

        _outcome = FlowOutcome.None;
        _queueRequest = null;
        Phase = FlowPhase.Idle;
        Record(FlowStepKind.NoAgent, null);
        Fire(FlowTrigger.NoAgent, '\0');
    }

    /// <summary>
    /// The caller hung up: the run ends (<see cref="FlowOutcome.CallerHungUp"/>) and its timer is cancelled. Once the run
    /// has already left the flow (queued, transferred, released) this changes nothing.
    /// </summary>
    public void OnHangUp()
    {
        if (Defer(EventKind.HangUp, '\0', 0) || !Accepting("hang-up"))
        {
            return;
        }

        // Caller hang-up is the same from every node, so it is not an edge of the flowchart: the run just ends.
        // The call's media is already gone, so playback is only forgotten, not stopped.
        _playing = false;
        CancelTimer();
        Phase = FlowPhase.Done;
        _outcome = FlowOutcome.CallerHungUp;
        Record(FlowStepKind.Outcome, "caller hung up");
    }

    private bool Accepting(string what)
    {
        if (!IsFinished)
        {
            return true;
        }

        FlowLog.AfterEnd(_runtime.Logger, _flow.Name, what, _outcome);
        return false;
    }

    private bool Defer(EventKind kind, char key, int generation)
    {
        if (!_firing)
        {
            return false;
        }

        (_deferred ??= new Queue<DeferredEvent>()).Enqueue(new DeferredEvent(kind, key, generation));
        return true;
    }

    private void Fire(FlowTrigger trigger, char key)
    {
        _firing = true;
        try
        {
            FireAcrossFlows(trigger, key);
        }
        finally
        {
            _firing = false;
        }

        while (_deferred is not null && _deferred.TryDequeue(out var deferred))
        {
            Replay(deferred);
        }
    }

    private void FireAcrossFlows(FlowTrigger trigger, char key)
    {
        for (int changes = 0; ; changes++)
        {
            FireOnce(trigger, key);
            if (_nextFlow is not { } next)
            {
                return;
            }

            _nextFlow = null;
            if (changes == MaxFlowChangesPerEvent)
            {
                FlowLog.FlowLoop(_runtime.Logger, _flow.Name, _node, changes + 1);
                Release(Goodbye);
                return;
            }

            // The transfer node is the last node of the old flow; the new flow starts fresh at its start node.
            _flow = next;
            _machines = _runtime.MachinesFor(next);
            _node = next.Start;
            Phase = FlowPhase.Idle;
            trigger = FlowTrigger.Start;
        }
    }

    private void FireOnce(FlowTrigger trigger, char key)
    {
        var pool = _machines;
        var machine = pool.Rent();
        bool completed = false;
        try
        {
            if (trigger == FlowTrigger.Digit)
            {
                machine.FireDigit(this, key);
            }
            else
            {
                machine.Fire(this, trigger);
            }

            completed = true;
        }
        finally
        {
            // A machine whose action threw may still hold queued triggers, so only a clean one goes back.
            if (completed)
            {
                pool.Return(machine);
            }
        }
    }

    private void Replay(DeferredEvent deferred)
    {
        switch (deferred.Kind)
        {
            case EventKind.Digit:
                OnDigit(deferred.Key);
                break;
            case EventKind.PromptFinished:
                OnPromptFinished(deferred.Generation);
                break;
            case EventKind.Timeout:
                OnTimeout(deferred.Generation);
                break;
            case EventKind.NoAgent:
                OnNoAgent();
                break;
            default:
                OnHangUp();
                break;
        }
    }

    private static string? KeyText(char key) => key switch
    {
        '0' => "0",
        '1' => "1",
        '2' => "2",
        '3' => "3",
        '4' => "4",
        '5' => "5",
        '6' => "6",
        '7' => "7",
        '8' => "8",
        '9' => "9",
        '*' => "*",
        '#' => "#",
        _ => null,
    };

    private readonly record struct DeferredEvent(EventKind Kind, char Key, int Generation);
}
