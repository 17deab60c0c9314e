namespace CallCenter.Ivr.Runtime;

/// <summary>What happened at one step of a run, for the call's ticket (at most 16 kinds: <see cref="FlowStep"/> keeps it in 4 bits).</summary>
public enum FlowStepKind : byte
{
    /// <summary>The run entered the node.</summary>
    Entered,

    /// <summary>Prompts were played (detail: the prompt names).</summary>
    Prompt,

    /// <summary>The caller pressed a key (detail: the key; "(dropped)" or "(ignored)" when it had no effect).</summary>
    Key,

    /// <summary>A collect node accepted digits (detail: the digits).</summary>
    DigitsCollected,

    /// <summary>A wrong menu key, or digits that are too short or do not match the pattern (detail: what was entered).</summary>
    Invalid,

    /// <summary>The run's timer expired.</summary>
    Timeout,

    /// <summary>A variable was set (detail: <c>name=value</c>).</summary>
    VariableSet,

    /// <summary>A branch chose its way (detail: the rule, or "otherwise").</summary>
    BranchTaken,

    /// <summary>A say item had no usable value and was skipped (detail: the item).</summary>
    ValueMissing,

    /// <summary>The run continued in another flow (detail: the flow's name).</summary>
    FlowChanged,

    /// <summary>Routing found no agent for the queued call.</summary>
    NoAgent,

    /// <summary>A callback was booked or refused (detail: "booked NUMBER", "refused NUMBER"), or pending ones cancelled ("cancelled N").</summary>
    Callback,

    /// <summary>The run left the flow (detail: how).</summary>
    Outcome,
}

/// <summary>One entry of a run's step log.</summary>
/// <remarks>
/// 24 bytes plus its detail text, so 10,000 calls' logs stay small: the kind shares one 64-bit field with the time
/// (UTC ticks use 60 bits, enough until the year 3600).
/// </remarks>
public readonly struct FlowStep
{
    private const int KindShift = 60;
    private const long TicksMask = (1L << KindShift) - 1;

    private readonly long _ticksAndKind;

    /// <summary>Creates a step.</summary>
    public FlowStep(DateTimeOffset time, string node, FlowStepKind kind, string? detail)
    {
        _ticksAndKind = (time.UtcTicks & TicksMask) | ((long)kind << KindShift);
        Node = node;
        Detail = detail;
    }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset Time => new(_ticksAndKind & TicksMask, TimeSpan.Zero);

    /// <summary>The node the run was in.</summary>
    public string Node { get; }

    /// <summary>What happened.</summary>
    public FlowStepKind Kind => (FlowStepKind)(_ticksAndKind >>> KindShift);

    /// <summary>Details (a key, digits, prompt names, a rule), or null.</summary>
    public string? Detail { get; }

    /// <inheritdoc />
    public override string ToString() => Detail is null ? $"{Time:HH:mm:ss.fff} {Node} {Kind}" : $"{Time:HH:mm:ss.fff} {Node} {Kind} {Detail}";
}
