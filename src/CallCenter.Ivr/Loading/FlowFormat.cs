using CallCenter.Config.Schema;

namespace CallCenter.Ivr.Loading;

/// <summary>The keys of one node kind and which of them must be present.</summary>
/// <param name="Kind">The <c>type:</c> value.</param>
/// <param name="Keys">Every key the node may have (including <c>type</c>).</param>
/// <param name="Required">The keys it must have besides <c>type</c>.</param>
internal sealed record NodeFormat(string Kind, KeySet Keys, IReadOnlyList<string> Required);

/// <summary>
/// The words of the flow file format in one place, so the readers, their messages and the test that keeps
/// <c>ivr-flows/flow.schema.json</c> in step all use the same lists.
/// </summary>
internal static class FlowFormat
{
    public const string TypeKey = "type";

    public static KeySet TopLevel { get; } = new("key", ["flow", "description", "language", "start", "calendars", "nodes"]);

    public static IReadOnlyList<string> TopLevelRequired { get; } = ["flow", "start", "nodes"];

    public static KeySet Calendar { get; } = new("key", ["time-zone", "hours", "holidays"]);

    public static IReadOnlyList<string> CalendarRequired { get; } = ["time-zone", "hours"];

    public static KeySet Rule { get; } = new("key", ["if", "goto"]);

    public static KeySet Condition { get; } =
        new("condition", ["open", "closed", "variable", "equals", "not-equals", "is-set", "matches", "caller", "agents-available", "callback-pending"]);

    /// <summary>The tests a <c>variable:</c> condition needs exactly one of.</summary>
    public static IReadOnlyList<string> VariableTests { get; } = ["equals", "not-equals", "is-set", "matches"];

    public static KeySet SayItem { get; } = new("item kind", ["prompt", "number", "digits", "duration"]);

    /// <summary>Day names as written in <c>hours:</c>, Monday first.</summary>
    public static IReadOnlyList<string> Days { get; } = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static IReadOnlyList<NodeFormat> Nodes { get; } =
    [
        Node("play", ["prompts", "interruptible", "next"], ["prompts", "next"]),
        Node(
            "menu",
            ["prompts", "keys", "timeout", "retries", "no-input-prompts", "invalid-prompts", "fallback"],
            ["prompts", "keys", "fallback"]),
        Node(
            "collect",
            ["prompts", "variable", "min-digits", "max-digits", "terminator", "first-digit-timeout", "inter-digit-timeout",
                "pattern", "retries", "no-input-prompts", "invalid-prompts", "next", "fallback"],
            ["prompts", "variable", "max-digits", "next", "fallback"]),
        Node("say", ["items", "next"], ["items", "next"]),
        Node("set", ["values", "next"], ["values", "next"]),
        Node("branch", ["rules", "else"], ["rules", "else"]),
        Node("queue", ["skills", "priority", "no-agent"], ["skills"]),
        Node("transfer", ["flow", "uri"], []),
        Node("hangup", ["prompts"], []),
        Node("callback", ["number", "queue", "next", "refused"], ["next", "refused"]),
        Node("cancel-callback", ["next"], ["next"]),
    ];

    public static IReadOnlyList<string> Kinds { get; } = [.. Nodes.Select(n => n.Kind)];

    public static NodeFormat? Find(string kind) => Nodes.FirstOrDefault(n => n.Kind == kind);

    private static NodeFormat Node(string kind, string[] keys, string[] required) =>
        new(kind, new KeySet("key", [TypeKey, .. keys]), required);
}
