namespace CallCenter.Ivr.Definition;

/// <summary>
/// One IVR flow as read from <c>ivr-flows/NAME.yaml</c>: its nodes by id, where calls start, and the calendars
/// its time-of-day branches refer to. Immutable: a reload builds a new definition, and calls in progress keep
/// the one they started with.
/// </summary>
/// <param name="Name">The flow's name (the file name without <c>.yaml</c>); numbers in the configuration refer to it.</param>
/// <param name="SourcePath">The file it was read from, for messages.</param>
/// <param name="Description">What the flow is for, as the operator wrote it (may be empty).</param>
/// <param name="DefaultLanguage">The language prompts are played in until a <c>set</c> node changes <c>language</c>.</param>
/// <param name="Start">The id of the first node.</param>
/// <param name="Nodes">Every node, in file order.</param>
/// <param name="Calendars">Opening-hours calendars by name.</param>
public sealed record FlowDefinition(
    string Name,
    string SourcePath,
    string Description,
    string DefaultLanguage,
    string Start,
    IReadOnlyList<FlowNode> Nodes,
    IReadOnlyDictionary<string, BusinessCalendar> Calendars)
{
    private readonly Dictionary<string, FlowNode> _byId = Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);

    /// <summary>Where <c>flow:</c> names the flow, so a name that differs from the file name can be pointed at.</summary>
    public FlowPosition NamePosition { get; init; } = FlowPosition.File;

    /// <summary>Where <c>language:</c> is written (the whole file when it is left to its default).</summary>
    public FlowPosition LanguagePosition { get; init; } = FlowPosition.File;

    /// <summary>Where <c>start:</c> names the first node.</summary>
    public FlowPosition StartPosition { get; init; } = FlowPosition.File;

    /// <summary>The node with this id, or null.</summary>
    public FlowNode? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The node with this id; the validator guarantees every target exists.</summary>
    public FlowNode this[string id] => _byId[id];
}
