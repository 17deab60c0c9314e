namespace CallCenter.Media.Transport;

/// <summary>What the symmetric-RTP latch decided about one received RTP packet.</summary>
internal enum RtpLatchVerdict
{
    /// <summary>From the latched source: deliver.</summary>
    Accepted,

    /// <summary>This packet latched (or re-latched) the stream to its source: deliver and send there from now on.</summary>
    Latched,

    /// <summary>A payload type that was not negotiated: drop and count.</summary>
    UnexpectedPayloadType,

    /// <summary>From a source that is not (yet) latched: drop and count.</summary>
    OtherSource,
}
