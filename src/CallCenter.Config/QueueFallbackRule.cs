namespace CallCenter.Config;

/// <summary>A queue's answer to "max wait reached" or "nobody logged in".</summary>
/// <param name="Kind">What to do.</param>
/// <param name="OverflowQueue">The queue to move to; set only for <see cref="QueueFallbackKind.Overflow"/>.</param>
public sealed record QueueFallbackRule(QueueFallbackKind Kind, string? OverflowQueue = null)
{
    /// <summary>As written in the file, e.g. <c>overflow:general</c>.</summary>
    public override string ToString() => Kind switch
    {
        QueueFallbackKind.Overflow => $"overflow:{OverflowQueue}",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
