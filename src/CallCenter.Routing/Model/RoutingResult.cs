namespace CallCenter.Routing;

/// <summary>
/// What one event produced. Events that do not fit the current state (a stale contact id, an answer for an offer
/// that was already withdrawn) are normal in a telephone system, so they are reported, not thrown:
/// <see cref="Applied"/> is false and <see cref="Error"/> says why. Timers that fell due before the event still ran,
/// so <see cref="Decisions"/> may be non-empty either way.
/// </summary>
public sealed class RoutingResult
{
    internal RoutingResult(IReadOnlyList<RoutingDecision> decisions, string? error)
    {
        Decisions = decisions;
        Error = error;
    }

    /// <summary>Decisions in the order they were made.</summary>
    public IReadOnlyList<RoutingDecision> Decisions { get; }

    /// <summary>Why the event was not applied, or null when it was.</summary>
    public string? Error { get; }

    /// <summary>True when the event was applied.</summary>
    public bool Applied => Error is null;
}
