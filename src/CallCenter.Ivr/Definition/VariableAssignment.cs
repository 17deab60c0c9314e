namespace CallCenter.Ivr.Definition;

/// <summary>
/// One <c>name: value</c> of a <c>set</c> node. The value may refer to other variables as <c>${name}</c>.
/// Well-known names: <c>language</c> (prompt set), <c>priority</c> (1–10), <c>skills</c> (comma-separated,
/// added to the queue's), <c>subject</c> (the ticket's subject).
/// </summary>
/// <param name="Name">The variable.</param>
/// <param name="Value">The value template.</param>
/// <param name="Position">Where it is written.</param>
public readonly record struct VariableAssignment(string Name, string Value, FlowPosition Position);

/// <summary>Names of the variables the runtime itself reads or provides.</summary>
public static class FlowVariables
{
    /// <summary>The prompt language (<c>en</c>, <c>tl</c>, <c>ms</c>).</summary>
    public const string Language = "language";

    /// <summary>The queue priority, 1–10.</summary>
    public const string Priority = "priority";

    /// <summary>Extra required skills, comma-separated.</summary>
    public const string Skills = "skills";

    /// <summary>The ticket's subject.</summary>
    public const string Subject = "subject";

    /// <summary>The caller's number (read-only).</summary>
    public const string Caller = "caller";

    /// <summary>The number the caller dialled (read-only).</summary>
    public const string Dialled = "dialled";

    /// <summary>Variables a flow may not set.</summary>
    public static IReadOnlySet<string> ReadOnly { get; } = new HashSet<string>(StringComparer.Ordinal) { Caller, Dialled };
}
