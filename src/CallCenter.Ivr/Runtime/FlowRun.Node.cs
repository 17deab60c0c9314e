using CallCenter.Ivr.Definition;
using CallCenter.Media.Audio;

namespace CallCenter.Ivr.Runtime;

/// <summary>What the node behaviours do to a run: play, time, record, set variables, leave the flow.</summary>
public sealed partial class FlowRun
{
    private static readonly PromptList Goodbye = new([PromptKeys.Goodbye], FlowPosition.File);

    private DigitBuffer _digits;
    private int _generation;
    private int _playGeneration;
    private int _timerGeneration;
    private char _typeAhead;
    private bool _playing;
    private bool _timerRunning;

    internal IFlowHost Host => _host;

    internal FlowRuntime Runtime => _runtime;

    internal FlowPhase Phase { get; set; }

    /// <summary>Repeats used in the current node.</summary>
    internal int Retries { get; set; }

    /// <summary>Which way the node's next <see cref="FlowTrigger.Continue"/> takes (the node decides what the numbers mean).</summary>
    internal int Choice { get; set; }

    /// <summary>The last key the caller pressed.</summary>
    internal char LastKey { get; private set; }

    /// <summary>The digits a collect node has gathered.</summary>
    internal ref DigitBuffer Digits => ref _digits;

    /// <summary>The language prompts are played in now.</summary>
    internal string Language => _variables.GetValueOrNull(FlowVariables.Language) is { Length: > 0 } language ? language : _flow.DefaultLanguage;

    /// <summary>The state mutator of the flow's machine.</summary>
    internal void MoveTo(string node) => _node = node;

    /// <summary>Bookkeeping common to entering any node.</summary>
    internal void EnterNode(FlowNode node)
    {
        Phase = FlowPhase.Idle;
        Retries = 0;
        _digits.Clear();
        Record(FlowStepKind.Entered, null);
        if (_typeAhead != '\0' && !node.WaitsForCaller)
        {
            // Only a node that waits for keys can use a key pressed during the previous prompt.
            Record(FlowStepKind.Key, _typeAhead + " (dropped)");
            _typeAhead = '\0';
        }
    }

    /// <summary>Bookkeeping common to leaving any node: nothing of it may keep playing or ticking.</summary>
    internal void LeaveNode()
    {
        StopPlayback();
        CancelTimer();
        Phase = FlowPhase.Idle;
    }

    /// <summary>Plays <paramref name="prompts"/> in the caller's language; false (and nothing played) when the list is empty.</summary>
    internal bool Play(PromptList prompts, bool interruptible, FlowPhase phase) =>
        Play(_runtime.Prompts.Resolve(prompts, Language), interruptible, phase);

    /// <summary>Plays resolved prompts; false (and nothing played) when there are none.</summary>
    internal bool Play(ResolvedPrompts prompts, bool interruptible, FlowPhase phase)
    {
        if (prompts.IsEmpty)
        {
            return false;
        }

        _playGeneration = ++_generation;
        _playing = true;
        Phase = phase;
        Record(FlowStepKind.Prompt, prompts.Names);
        _host.Play(prompts.Keys, interruptible, _playGeneration);
        return true;
    }

    /// <summary>Stops the playback if one is running (barge-in, or leaving the node).</summary>
    internal void StopPlayback()
    {
        if (_playing)
        {
            _playing = false;
            _host.StopPlayback();
        }
    }

    internal void StartTimer(TimeSpan delay, FlowPhase phase)
    {
        _timerGeneration = ++_generation;
        _timerRunning = true;
        Phase = phase;
        _host.StartTimer(delay, _timerGeneration);
    }

    internal void CancelTimer()
    {
        if (_timerRunning)
        {
            _timerRunning = false;
            _host.CancelTimer();
        }
    }

    /// <summary>Keeps the key that ended an interruptible play for the next node (type-ahead).</summary>
    internal void KeepKeyForNextNode() => _typeAhead = LastKey;

    /// <summary>Takes the key kept from the previous node, if any.</summary>
    internal bool TakeTypeAhead(out char key)
    {
        key = _typeAhead;
        _typeAhead = '\0';
        return key != '\0';
    }

    /// <summary>Marks the last key as having had no effect.</summary>
    internal void MarkKeyIgnored()
    {
        int last = _steps.Count - 1;
        if (last >= 0 && _steps[last].Kind == FlowStepKind.Key)
        {
            var step = _steps[last];
            _steps[last] = new FlowStep(step.Time, step.Node, FlowStepKind.Key, step.Detail + " (ignored)");
        }
    }

    /// <summary>Sets a variable the flow may write and logs it; <c>caller</c> and <c>dialled</c> stay as the call gave them.</summary>
    internal void Assign(string name, string value, FlowStepKind kind)
    {
        if (FlowVariables.ReadOnly.Contains(name))
        {
            return;
        }

        _variables.Set(name, value);
        Record(kind, kind == FlowStepKind.VariableSet ? name + "=" + value : value);
    }

    internal void Record(FlowStepKind kind, string? detail)
    {
        if (_steps.Count >= MaxSteps)
        {
            StepsOmitted++;
            return;
        }

        if (_steps.Count == _steps.Capacity)
        {
            // Grow by half rather than double: a log of 17 steps should not carry room for 32.
            _steps.Capacity = Math.Min(MaxSteps, _steps.Capacity + (_steps.Capacity / 2));
        }

        _steps.Add(new FlowStep(_host.Time.GetUtcNow(), _node, kind, detail));
    }

    /// <summary>The flow ends with the call handed to routing.</summary>
    internal void EndQueued(QueueRequest request)
    {
        Phase = FlowPhase.Done;
        _outcome = FlowOutcome.Queued;
        _queueRequest = request;
        Record(FlowStepKind.Outcome, $"queue {string.Join(',', request.Skills)} priority {request.Priority}");
        _host.Queue(request);
    }

    /// <summary>The flow ends with the call sent to <paramref name="uri"/>.</summary>
    internal void EndTransferred(string uri)
    {
        Phase = FlowPhase.Done;
        _outcome = FlowOutcome.Transferred;
        _transferUri = uri;
        Record(FlowStepKind.Outcome, "transfer " + uri);
        _host.Transfer(uri);
    }

    /// <summary>Continues in flow <paramref name="name"/> once the current event's transition is done; says goodbye if it is not loaded.</summary>
    internal void ContinueInFlow(string name)
    {
        if (_runtime.FindFlow(name) is not { } next)
        {
            FlowLog.UnknownFlow(_runtime.Logger, _flow.Name, _node, name);
            Record(FlowStepKind.FlowChanged, name + " (not loaded)");
            Release(Goodbye);
            return;
        }

        Record(FlowStepKind.FlowChanged, next.Name);
        _nextFlow = next;
    }

    /// <summary>Plays goodbye prompts without interruption, then releases the call (at once when there are none).</summary>
    internal void Release(PromptList prompts)
    {
        if (!Play(prompts, interruptible: false, FlowPhase.Releasing))
        {
            HangUpNow();
        }
    }

    private void HangUpNow()
    {
        Phase = FlowPhase.Done;
        _outcome = FlowOutcome.HungUp;
        Record(FlowStepKind.Outcome, "hang up");
        _host.Hangup();
    }
}
