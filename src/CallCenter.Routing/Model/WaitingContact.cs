namespace CallCenter.Routing;

/// <summary>Whether a waiting contact is a live call or a callback the centre owes a caller.</summary>
public enum ContactKind
{
    /// <summary>A caller on the line.</summary>
    Call,

    /// <summary>A callback; it keeps the caller's original arrival time, so its place in line.</summary>
    Callback,
}

/// <summary>
/// A contact handed to routing (by the IVR's queue node, a transfer, or the callback scheduler).
/// </summary>
/// <param name="Id">Contact id, unique among live contacts.</param>
/// <param name="QueueId">The queue it waits in.</param>
/// <param name="Priority">Higher is served first (a VIP can be raised above the queue's priority).</param>
/// <param name="ArrivedAt">Original arrival: orders the line and times skill expansion (callbacks keep the caller's).</param>
/// <param name="Kind">Call or callback.</param>
/// <param name="Requirements">The contact's own skill requirements, or null for the queue's.</param>
public sealed record WaitingContact(
    string Id,
    string QueueId,
    int Priority,
    DateTimeOffset ArrivedAt,
    ContactKind Kind = ContactKind.Call,
    IReadOnlyList<SkillRequirement>? Requirements = null);
