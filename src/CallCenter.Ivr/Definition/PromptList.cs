namespace CallCenter.Ivr.Definition;

/// <summary>
/// Prompts to play in order. Each name is relative to a language folder: <c>welcome</c> plays
/// <c>audio/&lt;language&gt;/welcome.wav</c>, falling back to <c>audio/en/welcome.wav</c> when the caller's language
/// has no such file.
/// </summary>
/// <param name="Names">The prompt names, e.g. <c>main-menu</c> or <c>queue/you-are-number</c>.</param>
/// <param name="Position">Where the list is written.</param>
public sealed record PromptList(IReadOnlyList<string> Names, FlowPosition Position)
{
    /// <summary>No prompts.</summary>
    public static PromptList Empty { get; } = new([], FlowPosition.File);

    /// <summary>True when there is nothing to play.</summary>
    public bool IsEmpty => Names.Count == 0;
}
