namespace CallCenter.RtpProbe;

/// <summary>Datagram counts of a measurement window. Mutable; the receive thread owns the live instance.</summary>
public sealed class PacingCounters
{
    /// <summary>RTP packets received (any payload type).</summary>
    public long Packets { get; set; }

    /// <summary>Streams (SSRCs) that sent at least one packet in the window.</summary>
    public long NewStreams { get; set; }

    /// <summary>Packets whose payload type is not the expected one.</summary>
    public long WrongPayloadType { get; set; }

    /// <summary>Packets missing from the sequence (the sum of the holes).</summary>
    public long Lost { get; set; }

    /// <summary>Places where the sequence skipped ahead (holes, whatever their size).</summary>
    public long SequenceJumps { get; set; }

    /// <summary>Packets repeating the previous sequence number.</summary>
    public long Duplicates { get; set; }

    /// <summary>Packets behind the stream's position (reordered, very late, or a restart).</summary>
    public long Reordered { get; set; }

    /// <summary>Datagrams that were not RTP.</summary>
    public long NotRtp { get; set; }

    /// <summary>A copy that later receives do not change.</summary>
    public PacingCounters Snapshot() => (PacingCounters)MemberwiseClone();
}
