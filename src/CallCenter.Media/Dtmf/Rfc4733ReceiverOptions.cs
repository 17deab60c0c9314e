namespace CallCenter.Media.Dtmf;

/// <summary>Tunables of <see cref="Rfc4733Receiver"/>.</summary>
public sealed class Rfc4733ReceiverOptions
{
    /// <summary>
    /// How long after the latest packet of a finished event another packet with the same SSRC, RTP timestamp
    /// and event code still counts as a retransmission of it. Long enough for the three end packets
    /// (RFC 4733 §2.5.1.4: sent at the update interval, up to 50 ms apart) plus network jitter; past it such
    /// a packet is a new press, which is how a sender that reuses the timestamp for every press (sipp's
    /// shipped <c>dtmf_2833_*.pcap</c>) still gets "11" counted twice.
    /// </summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// An event that has had no packet for this long and never sent its end packet is closed and reported
    /// with the duration seen so far (senders refresh a running event at least every 50 ms or so).
    /// </summary>
    public TimeSpan StuckEventTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many finished events are remembered for duplicate suppression.</summary>
    public int RememberedEvents { get; init; } = 8;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DuplicateWindow, TimeSpan.Zero, nameof(DuplicateWindow));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StuckEventTimeout, TimeSpan.Zero, nameof(StuckEventTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(RememberedEvents, 1, nameof(RememberedEvents));
    }
}
