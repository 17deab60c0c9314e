namespace CallCenter.Store;

/// <summary>One recorded attempt to call a caller back.</summary>
/// <param name="CallbackId">The callback it belongs to.</param>
/// <param name="At">When the attempt ended (UTC).</param>
/// <param name="Result">How it ended.</param>
public sealed record CallbackAttempt(long CallbackId, DateTimeOffset At, CallbackAttemptResult Result);
