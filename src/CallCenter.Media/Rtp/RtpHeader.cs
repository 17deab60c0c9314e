namespace CallCenter.Media.Rtp;

/// <summary>The fields of the RTP fixed header that a sender chooses for each packet (RFC 3550 §5.1).</summary>
/// <param name="PayloadType">Payload type, 0–127.</param>
/// <param name="SequenceNumber">Sequence number, incremented by one per packet sent.</param>
/// <param name="Timestamp">Sampling instant of the first payload octet, in the payload's clock units.</param>
/// <param name="Ssrc">Synchronization source identifier of the stream.</param>
/// <param name="Marker">The marker bit (RFC 3551 §4.1: set on the first packet after a silence period).</param>
public readonly record struct RtpHeader(byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker = false)
{
    /// <summary>Largest payload type the 7-bit PT field can carry.</summary>
    public const byte MaxPayloadType = 127;
}
