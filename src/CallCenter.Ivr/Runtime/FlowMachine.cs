using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime.Nodes;
using Microsoft.Extensions.Logging;
using Stateless;
using Stateless.Reflection;

namespace CallCenter.Ivr.Runtime;

/// <summary>
/// One flow definition as a Stateless state machine: states are node ids, triggers are <see cref="FlowTrigger"/>s,
/// and each node kind adds its transitions (with guard descriptions such as "key 1" or "retries used up", which
/// the flowchart shows). It is configured once per definition and holds no call state: its state accessor and
/// mutator read and write the run it is currently attached to. <see cref="FlowRun"/> rents it from the flow's
/// <see cref="FlowMachinePool"/> for one event, so one machine serves many calls.
/// </summary>
/// <remarks>
/// Queued firing lets a node's entry action fire the next trigger (a set node's <see cref="FlowTrigger.Continue"/>,
/// a type-ahead key): it runs after the current transition has finished, inside the same outer call.
/// </remarks>
internal sealed class FlowMachine
{
    /// <summary>The guard description of the start node's <see cref="FlowTrigger.Start"/> transition.</summary>
    public const string StartLabel = "flow starts";

    private readonly StateMachine<string, FlowTrigger> _machine;
    private readonly StateMachine<string, FlowTrigger>.TriggerWithParameters<char> _digit;
    private readonly ILogger _logger;
    private FlowRun? _run;

    public FlowMachine(FlowDefinition flow, ILogger logger)
    {
        Flow = flow;
        _logger = logger;

        // Unattached (for the flowchart) the machine stands at the start node.
        _machine = new StateMachine<string, FlowTrigger>(() => _run?.NodeId ?? flow.Start, node => Run.MoveTo(node), FiringMode.Queued);
        _digit = _machine.SetTriggerParameters<char>(FlowTrigger.Digit);
        _machine.OnUnhandledTrigger(OnUnhandledTrigger);
        foreach (var node in flow.Nodes)
        {
            NodeBehaviours.Configure(this, node);
        }
    }

    /// <summary>The definition the machine was configured from.</summary>
    public FlowDefinition Flow { get; }

    /// <summary>The run the current event belongs to.</summary>
    public FlowRun Run => _run ?? throw new InvalidOperationException("The flow machine is not attached to a run; events go through FlowRun.");

    /// <summary>Fires <paramref name="trigger"/> for <paramref name="run"/> (and whatever its actions queue).</summary>
    public void Fire(FlowRun run, FlowTrigger trigger)
    {
        _run = run;
        try
        {
            _machine.Fire(trigger);
        }
        finally
        {
            _run = null;
        }
    }

    /// <summary>Fires <see cref="FlowTrigger.Digit"/> with <paramref name="key"/> for <paramref name="run"/>.</summary>
    public void FireDigit(FlowRun run, char key)
    {
        _run = run;
        try
        {
            _machine.Fire(_digit, key);
        }
        finally
        {
            _run = null;
        }
    }

    /// <summary>From inside an action: fires <paramref name="trigger"/> once the current transition is done.</summary>
    public void Queue(FlowTrigger trigger) => _machine.Fire(trigger);

    /// <summary>From inside an action: hands <paramref name="key"/> to the node once the current transition is done.</summary>
    public void QueueDigit(char key) => _machine.Fire(_digit, key);

    /// <summary>The machine's structure, for the flowchart.</summary>
    public StateMachineInfo GetInfo() => _machine.GetInfo();

    /// <summary>
    /// Configures <paramref name="node"/>'s state: entering it runs the common bookkeeping and then
    /// <paramref name="enter"/>; leaving it stops playback and the timer. The start node also accepts
    /// <see cref="FlowTrigger.Start"/>, which runs the same entry without a transition.
    /// </summary>
    public StateMachine<string, FlowTrigger>.StateConfiguration Configure(FlowNode node, Action<FlowRun> enter)
    {
        var state = _machine.Configure(node.Id);
        state.OnEntry(() => Enter(node, enter), "enter " + node.Kind);
        state.OnExit(() => Run.LeaveNode(), "leave " + node.Kind);
        if (node.Id == Flow.Start)
        {
            state.InternalTransitionIf(FlowTrigger.Start, _ => true, _ => Enter(node, enter), StartLabel);
        }

        return state;
    }

    /// <summary>Moves from <paramref name="from"/> to <paramref name="to"/> on <paramref name="trigger"/> when <paramref name="guard"/> holds.</summary>
    public void Go(StateMachine<string, FlowTrigger>.StateConfiguration state, FlowNode from, FlowTrigger trigger, string to, Func<bool> guard, string label)
    {
        // Stateless refuses Permit to the same state; a node that leads to itself is re-entered instead.
        if (to == from.Id)
        {
            state.PermitReentryIf(trigger, guard, label);
        }
        else
        {
            state.PermitIf(trigger, to, guard, label);
        }
    }

    /// <summary>Moves to <paramref name="to"/> on a key for which <paramref name="guard"/> holds.</summary>
    public void GoOnKey(StateMachine<string, FlowTrigger>.StateConfiguration state, FlowNode from, string to, Func<char, bool> guard, string label)
    {
        if (to == from.Id)
        {
            state.PermitReentryIf(_digit, guard, label);
        }
        else
        {
            state.PermitIf(_digit, to, guard, label);
        }
    }

    /// <summary>Handles <paramref name="trigger"/> inside the node (no exit, no entry).</summary>
    public void Stay(StateMachine<string, FlowTrigger>.StateConfiguration state, FlowTrigger trigger, Action<FlowRun> action, string label) =>
        state.InternalTransitionIf(trigger, _ => true, _ => action(Run), label);

    /// <summary>Handles a key for which <paramref name="guard"/> holds inside the node.</summary>
    public void StayOnKey(StateMachine<string, FlowTrigger>.StateConfiguration state, Func<char, bool> guard, Action<FlowRun, char> action, string label) =>
        state.InternalTransitionIf(_digit, guard, (key, _) => action(Run, key), label);

    private void Enter(FlowNode node, Action<FlowRun> enter)
    {
        var run = Run;
        run.EnterNode(node);
        enter(run);
    }

    private void OnUnhandledTrigger(string node, FlowTrigger trigger)
    {
        // A key during a prompt that cannot be interrupted, a late no-agent: expected in real calls, so not an error.
        FlowLog.TriggerIgnored(_logger, Flow.Name, trigger, node);
        if (trigger == FlowTrigger.Digit)
        {
            _run?.MarkKeyIgnored();
        }
    }
}
