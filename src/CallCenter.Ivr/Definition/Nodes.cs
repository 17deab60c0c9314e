namespace CallCenter.Ivr.Definition;

/// <summary><c>type: play</c> — plays prompts, then goes on.</summary>
/// <param name="Prompts">What to play.</param>
/// <param name="Interruptible">Whether a key press stops the prompts (the key is then kept for the next node).</param>
/// <param name="Next">Where to go when the prompts end.</param>
public sealed record PlayNode(string Id, FlowPosition Position, PromptList Prompts, bool Interruptible, NodeRef Next)
    : FlowNode(Id, Position)
{
    public override string Kind => "play";

    public override IEnumerable<FlowEdge> Edges => [new("next", Next.Id, Next.Position)];
}

/// <summary>One key of a menu.</summary>
/// <param name="Key">0–9, * or #.</param>
/// <param name="Target">Where the key leads.</param>
public readonly record struct MenuChoice(char Key, NodeRef Target);

/// <summary>
/// <c>type: menu</c> — plays a prompt and waits for one key. A wrong key plays <see cref="InvalidPrompts"/> and
/// asks again; no key within <see cref="Timeout"/> plays <see cref="NoInputPrompts"/> and asks again; after
/// <see cref="Retries"/> repeats the call goes to <see cref="Fallback"/> (never a silent hang-up).
/// </summary>
public sealed record MenuNode(
    string Id,
    FlowPosition Position,
    PromptList Prompts,
    IReadOnlyList<MenuChoice> Choices,
    TimeSpan Timeout,
    int Retries,
    PromptList NoInputPrompts,
    PromptList InvalidPrompts,
    NodeRef Fallback)
    : FlowNode(Id, Position)
{
    public override string Kind => "menu";

    public override bool WaitsForCaller => true;

    public override IEnumerable<FlowEdge> Edges =>
        [.. Choices.Select(c => new FlowEdge("key " + c.Key, c.Target.Id, c.Target.Position)), new("retries used up", Fallback.Id, Fallback.Position)];
}

/// <summary>
/// <c>type: collect</c> — reads several digits into a call variable: between <see cref="MinDigits"/> and
/// <see cref="MaxDigits"/>, ended by <see cref="Terminator"/> or by reaching the maximum, within
/// <see cref="FirstDigitTimeout"/> for the first key and <see cref="InterDigitTimeout"/> between keys, and
/// matching <see cref="Pattern"/> when one is given.
/// </summary>
public sealed record CollectNode(
    string Id,
    FlowPosition Position,
    PromptList Prompts,
    string Variable,
    int MinDigits,
    int MaxDigits,
    char? Terminator,
    TimeSpan FirstDigitTimeout,
    TimeSpan InterDigitTimeout,
    DigitPattern? Pattern,
    int Retries,
    PromptList NoInputPrompts,
    PromptList InvalidPrompts,
    NodeRef Next,
    NodeRef Fallback)
    : FlowNode(Id, Position)
{
    public override string Kind => "collect";

    public override bool WaitsForCaller => true;

    public override IEnumerable<FlowEdge> Edges =>
        [new("digits entered", Next.Id, Next.Position), new("retries used up", Fallback.Id, Fallback.Position)];
}

/// <summary><c>type: say</c> — speaks prompts and values from call variables (numbers, digits, durations).</summary>
/// <param name="Items">What to say, in order.</param>
/// <param name="Next">Where to go after.</param>
public sealed record SayNode(string Id, FlowPosition Position, IReadOnlyList<SayItem> Items, NodeRef Next)
    : FlowNode(Id, Position)
{
    public override string Kind => "say";

    public override IEnumerable<FlowEdge> Edges => [new("next", Next.Id, Next.Position)];
}

/// <summary><c>type: set</c> — sets call variables (language, priority, skills, subject, or any name).</summary>
/// <param name="Assignments">The variables and their values, in order; values may use <c>${name}</c>.</param>
/// <param name="Next">Where to go after.</param>
public sealed record SetNode(string Id, FlowPosition Position, IReadOnlyList<VariableAssignment> Assignments, NodeRef Next)
    : FlowNode(Id, Position)
{
    public override string Kind => "set";

    public override IEnumerable<FlowEdge> Edges => [new("next", Next.Id, Next.Position)];
}

/// <summary><c>type: branch</c> — goes to the first rule whose conditions all hold, else to <see cref="Else"/>.</summary>
public sealed record BranchNode(string Id, FlowPosition Position, IReadOnlyList<BranchRule> Rules, NodeRef Else)
    : FlowNode(Id, Position)
{
    public override string Kind => "branch";

    public override IEnumerable<FlowEdge> Edges =>
        [.. Rules.Select(r => new FlowEdge(r.Describe(), r.Target.Id, r.Target.Position)), new("otherwise", Else.Id, Else.Position)];
}

/// <summary>
/// <c>type: queue</c> — hands the call to routing with the skills it needs and its priority. When no agent can
/// take it the call continues at <see cref="NoAgent"/> (or hears that all agents are busy and is released).
/// </summary>
/// <param name="Skills">Required skills; each may use <c>${name}</c> (e.g. <c>lang-${language}</c>).</param>
/// <param name="Priority">1 (lowest) to 10 (highest); <c>${priority}</c> when null.</param>
/// <param name="NoAgent">Where to go when no agent can take the call; null to apologise and release.</param>
public sealed record QueueNode(string Id, FlowPosition Position, IReadOnlyList<string> Skills, int? Priority, NodeRef? NoAgent)
    : FlowNode(Id, Position)
{
    public override string Kind => "queue";

    public override bool IsExit => true;

    public override IEnumerable<FlowEdge> Edges => NoAgent is { } target ? [new("no agent", target.Id, target.Position)] : [];
}

/// <summary><c>type: transfer</c> — continues in another flow, or sends the call to an external SIP URI.</summary>
/// <param name="Flow">The flow to continue in, or null.</param>
/// <param name="Uri">The SIP URI to call, or null.</param>
public sealed record TransferNode(string Id, FlowPosition Position, string? Flow, string? Uri)
    : FlowNode(Id, Position)
{
    public override string Kind => "transfer";

    public override bool IsExit => true;

    public override IEnumerable<FlowEdge> Edges => [];
}

/// <summary><c>type: hangup</c> — says goodbye (or the given prompts) and releases the call.</summary>
public sealed record HangupNode(string Id, FlowPosition Position, PromptList Prompts)
    : FlowNode(Id, Position)
{
    public override string Kind => "hangup";

    public override bool IsExit => true;

    public override IEnumerable<FlowEdge> Edges => [];
}
