using System.Runtime.CompilerServices;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Prompts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Ivr.Runtime;

/// <summary>
/// Runs IVR flows for calls: creates a <see cref="FlowRun"/> per call and keeps, per loaded flow definition, the
/// small pool of configured state machines those runs borrow. Safe to share between all calls. A reload hands
/// out new definitions; their pools are created on first use, and those of definitions no call uses any more
/// are collected with them.
/// </summary>
public sealed class FlowRuntime
{
    private readonly Func<string, FlowDefinition?> _findFlow;
    private readonly ConditionalWeakTable<FlowDefinition, FlowMachinePool> _pools = new();
    private readonly ConditionalWeakTable<FlowDefinition, FlowMachinePool>.CreateValueCallback _createPool;

    /// <summary>Creates the runtime.</summary>
    /// <param name="findFlow">Finds a loaded flow by name, for <c>transfer: { flow: NAME }</c>; null when there is none.</param>
    /// <param name="promptExists">
    /// True when the prompt library has prompt <c>name</c> (second argument, e.g. <c>welcome</c>) in <c>language</c>
    /// (first argument, e.g. <c>tl</c>) itself, without falling back; used to fall back to English per prompt.
    /// </param>
    /// <param name="logger">Where ignored and stale events are logged (Debug) and broken transfers (Warning).</param>
    public FlowRuntime(Func<string, FlowDefinition?> findFlow, Func<string, string, bool> promptExists, ILogger<FlowRuntime>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(findFlow);
        ArgumentNullException.ThrowIfNull(promptExists);
        _findFlow = findFlow;
        Prompts = new PromptResolver(promptExists);
        Logger = logger ?? (ILogger)NullLogger.Instance;
        MachinesPerFlow = Math.Max(4, Environment.ProcessorCount * 2);
        _createPool = flow => new FlowMachinePool(flow, Logger, MachinesPerFlow);
    }

    /// <summary>Creates the runtime with the prompt catalog the flows were validated against.</summary>
    /// <param name="findFlow">Finds a loaded flow by name, for <c>transfer: { flow: NAME }</c>; null when there is none.</param>
    /// <param name="prompts">Which prompts exist in which language (for the per-prompt fallback to English).</param>
    /// <param name="logger">Where ignored and stale events are logged (Debug) and broken transfers (Warning).</param>
    public FlowRuntime(Func<string, FlowDefinition?> findFlow, IPromptCatalog prompts, ILogger<FlowRuntime>? logger = null)
        : this(findFlow, (prompts ?? throw new ArgumentNullException(nameof(prompts))).Exists, logger)
    {
    }

    /// <summary>How many idle machines each flow keeps (enough for every core to fire at once, twice over).</summary>
    public int MachinesPerFlow { get; }

    internal PromptResolver Prompts { get; }

    internal ILogger Logger { get; }

    /// <summary>
    /// A run of <paramref name="flow"/> for one call; nothing happens until <see cref="FlowRun.Start"/>.
    /// </summary>
    /// <param name="flow">The flow the call's number leads to.</param>
    /// <param name="host">The call.</param>
    /// <param name="caller">The caller's number (variable <c>caller</c>).</param>
    /// <param name="dialled">The number the caller dialled (variable <c>dialled</c>).</param>
    public FlowRun CreateRun(FlowDefinition flow, IFlowHost host, string caller, string dialled)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(dialled);
        return new FlowRun(this, flow, host, caller, dialled);
    }

    /// <summary>
    /// A run of <paramref name="flow"/> that carries on a call already past another flow (a caller offered a callback
    /// while waiting): it starts at the flow's start node with a copy of <paramref name="variables"/>, so it speaks the
    /// caller's language and sees what the earlier flow set. Only a <c>language</c> that is missing or empty is taken
    /// from <paramref name="flow"/>. Nothing happens until <see cref="FlowRun.Start"/>.
    /// </summary>
    /// <param name="flow">The flow to run.</param>
    /// <param name="host">The call.</param>
    /// <param name="variables">The call's variables so far (e.g. the earlier run's <see cref="FlowRun.Variables"/>); must hold <c>caller</c> and <c>dialled</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="variables"/> lacks <c>caller</c> or <c>dialled</c>.</exception>
    public FlowRun CreateRun(FlowDefinition flow, IFlowHost host, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(variables);
        if (!variables.ContainsKey(FlowVariables.Caller) || !variables.ContainsKey(FlowVariables.Dialled))
        {
            throw new ArgumentException($"the variables of a call hold '{FlowVariables.Caller}' and '{FlowVariables.Dialled}'", nameof(variables));
        }

        var copy = CallVariables.CopyOf(variables);
        if (copy.GetValueOrNull(FlowVariables.Language) is not { Length: > 0 })
        {
            copy.Set(FlowVariables.Language, flow.DefaultLanguage);
        }

        return new FlowRun(this, flow, host, copy);
    }

    internal FlowMachinePool MachinesFor(FlowDefinition flow) => _pools.GetValue(flow, _createPool);

    internal FlowDefinition? FindFlow(string name) => _findFlow(name);
}
