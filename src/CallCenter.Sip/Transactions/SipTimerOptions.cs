namespace CallCenter.Sip.Transactions;

/// <summary>
/// The transaction timer values of RFC 3261 §17 (Table 4) and RFC 6026 §8. Only T1, T2, T4, Timer D and the
/// 100 Trying delay are set directly; every other timer is derived from them exactly as the RFCs define it, so a
/// deployment that raises T1 for a slow network scales all of them together (§17.1.1.1 allows a larger T1 but
/// recommends against a smaller one).
/// </summary>
public sealed class SipTimerOptions
{
    /// <summary>RTT estimate, 500 ms by default (§17.1.1.1).</summary>
    public TimeSpan T1 { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap on the retransmit interval of non-INVITE requests and INVITE responses, 4 s by default (§17.1.2.2).</summary>
    public TimeSpan T2 { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum time a message stays in the network, 5 s by default (§17.1.2.2).</summary>
    public TimeSpan T4 { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timer D on unreliable transports: "at least 32 seconds" (§17.1.1.2). Zero on reliable ones.</summary>
    public TimeSpan TimerDUnreliable { get; set; } = TimeSpan.FromSeconds(32);

    /// <summary>
    /// How long an INVITE server transaction waits for its user before sending 100 Trying itself (§17.2.1: the 100
    /// is needed unless the TU answers within 200 ms).
    /// </summary>
    public TimeSpan TryingDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Timer A's first interval (§17.1.1.2); it doubles on every firing.</summary>
    public TimeSpan TimerA => T1;

    /// <summary>INVITE client transaction timeout, 64·T1 (§17.1.1.2).</summary>
    public TimeSpan TimerB => 64 * T1;

    /// <summary>Wait for response retransmissions after a non-2xx final (§17.1.1.2).</summary>
    public TimeSpan TimerD(bool reliable) => reliable ? TimeSpan.Zero : TimerDUnreliable;

    /// <summary>Timer E's first interval (§17.1.2.2); it doubles up to T2.</summary>
    public TimeSpan TimerE => T1;

    /// <summary>Non-INVITE client transaction timeout, 64·T1 (§17.1.2.2).</summary>
    public TimeSpan TimerF => 64 * T1;

    /// <summary>Timer G's first interval (§17.2.1); it doubles up to T2.</summary>
    public TimeSpan TimerG => T1;

    /// <summary>Wait for the ACK of a non-2xx final, 64·T1 on every transport (§17.2.1).</summary>
    public TimeSpan TimerH => 64 * T1;

    /// <summary>Wait for ACK retransmissions: T4 unreliable, zero reliable (§17.2.1).</summary>
    public TimeSpan TimerI(bool reliable) => reliable ? TimeSpan.Zero : T4;

    /// <summary>Wait for non-INVITE request retransmissions: 64·T1 unreliable, zero reliable (§17.2.2).</summary>
    public TimeSpan TimerJ(bool reliable) => reliable ? TimeSpan.Zero : 64 * T1;

    /// <summary>Wait for non-INVITE response retransmissions: T4 unreliable, zero reliable (§17.1.2.2).</summary>
    public TimeSpan TimerK(bool reliable) => reliable ? TimeSpan.Zero : T4;

    /// <summary>INVITE server transaction's stay in Accepted, 64·T1 (RFC 6026 §7.1).</summary>
    public TimeSpan TimerL => 64 * T1;

    /// <summary>INVITE client transaction's stay in Accepted, 64·T1 (RFC 6026 §8.4).</summary>
    public TimeSpan TimerM => 64 * T1;

    /// <summary>
    /// How long an INVITE client transaction still waits for a final response once its CANCEL has been sent:
    /// 64·T1 (§9.1), after which the user is told it timed out.
    /// </summary>
    public TimeSpan CancelWait => 64 * T1;

    /// <summary>Throws <see cref="ArgumentException"/> when the values cannot drive the state machines.</summary>
    public void Validate()
    {
        if (T1 <= TimeSpan.Zero)
        {
            throw new ArgumentException($"T1 must be positive (was {T1}).");
        }

        if (T2 < T1)
        {
            throw new ArgumentException($"T2 ({T2}) must not be smaller than T1 ({T1}).");
        }

        if (T4 <= TimeSpan.Zero)
        {
            throw new ArgumentException($"T4 must be positive (was {T4}).");
        }

        if (TimerDUnreliable < TimeSpan.FromSeconds(32))
        {
            throw new ArgumentException($"Timer D must be at least 32 s on unreliable transports (§17.1.1.2); was {TimerDUnreliable}.");
        }

        if (TryingDelay <= TimeSpan.Zero || TryingDelay > TimeSpan.FromMilliseconds(200))
        {
            throw new ArgumentException($"TryingDelay must be positive and at most 200 ms (§17.2.1); was {TryingDelay}.");
        }
    }

    /// <summary>A copy, so that changing the options after the layer is built does not change live transactions.</summary>
    internal SipTimerOptions Snapshot() => new()
    {
        T1 = T1,
        T2 = T2,
        T4 = T4,
        TimerDUnreliable = TimerDUnreliable,
        TryingDelay = TryingDelay,
    };
}
