namespace CallCenter.Calls;

/// <summary>
/// Call timers (bound from configuration section <c>Calls</c>). What callers hear comes from their number's IVR flow
/// (<c>ivr-flows/</c>), not from here.
/// </summary>
public sealed class CallOptions
{
    /// <summary>
    /// How long a transfer destination may ring before the call gives up on it; also the ring timeout of the implicit
    /// <c>default</c> queue unless <c>Routing:DefaultQueue:RingTimeout</c> sets one (configured queues have their own).
    /// </summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Session timer (RFC 4028): the session interval we choose when a caller supports timers without asking for one,
    /// and the longest we accept (a longer request is reduced). Whole seconds, at least <see cref="MinSE"/>.
    /// </summary>
    public TimeSpan SessionExpires { get; set; } = TimeSpan.FromSeconds(1800);

    /// <summary>The shortest session interval we accept (Min-SE); shorter requests get 422. Whole seconds, at least 90.</summary>
    public TimeSpan MinSE { get; set; } = TimeSpan.FromSeconds(90);
}
