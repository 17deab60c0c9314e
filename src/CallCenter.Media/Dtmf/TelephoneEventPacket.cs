namespace CallCenter.Media.Dtmf;

/// <summary>
/// One RTP packet of telephone events for the RTP layer to send: it adds the RTP header (its own SSRC,
/// the next sequence number, the negotiated telephone-event payload type).
/// </summary>
/// <param name="Payload">The RTP payload (one 4-byte event block).</param>
/// <param name="Marker">RTP marker bit: set on the first packet of each event only (§2.2.2).</param>
/// <param name="TimestampOffset">
/// RTP timestamp relative to the start of the sequence, in clock units: the start of the packet's event,
/// the same for every packet of one key (§2.2.1).
/// </param>
/// <param name="SendOffset">When to send the packet, relative to the start of the sequence.</param>
public readonly record struct TelephoneEventPacket(ReadOnlyMemory<byte> Payload, bool Marker, uint TimestampOffset, TimeSpan SendOffset)
{
    /// <summary>The event block carried in <see cref="Payload"/>.</summary>
    public TelephoneEvent Event
    {
        get
        {
            TelephoneEvent.TryRead(Payload.Span, out var block);
            return block;
        }
    }
}
