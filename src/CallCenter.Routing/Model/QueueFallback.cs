namespace CallCenter.Routing;

/// <summary>What a queue does with a contact at its maximum wait, or when nobody is logged in.</summary>
public enum FallbackAction
{
    /// <summary>Keep waiting (only meaningful when nobody is logged in).</summary>
    Wait,

    /// <summary>Move the contact to another queue, keeping its original arrival time.</summary>
    Overflow,

    /// <summary>Take the contact out of the queue so the call layer can offer a callback.</summary>
    Callback,

    /// <summary>Take the contact out of the queue so the call layer can play a message and end the call.</summary>
    Message,
}

/// <summary>A fallback action and, for <see cref="FallbackAction.Overflow"/>, the queue to move to.</summary>
/// <param name="Action">What to do.</param>
/// <param name="OverflowQueueId">Target queue for <see cref="FallbackAction.Overflow"/>; otherwise null.</param>
public sealed record QueueFallback(FallbackAction Action, string? OverflowQueueId = null)
{
    /// <summary>Keep waiting.</summary>
    public static QueueFallback Wait { get; } = new(FallbackAction.Wait);

    /// <summary>Offer a callback.</summary>
    public static QueueFallback Callback { get; } = new(FallbackAction.Callback);

    /// <summary>Play a message.</summary>
    public static QueueFallback Message { get; } = new(FallbackAction.Message);

    /// <summary>Move to <paramref name="queueId"/>.</summary>
    public static QueueFallback OverflowTo(string queueId) => new(FallbackAction.Overflow, queueId);
}
