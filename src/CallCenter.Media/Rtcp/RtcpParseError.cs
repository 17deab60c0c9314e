namespace CallCenter.Media.Rtcp;

/// <summary>Why a datagram or one of its RTCP packets is not usable (RFC 3550 §6 and the checks of Appendix A.2).</summary>
public enum RtcpParseError
{
    /// <summary>The packet parsed.</summary>
    None = 0,

    /// <summary>Shorter than a 4-byte RTCP header, or shorter than the fixed part its type requires.</summary>
    TooShort,

    /// <summary>A version field is not 2.</summary>
    UnsupportedVersion,

    /// <summary>A length field runs past the end of the datagram (the lengths must add up to the datagram).</summary>
    LengthBeyondPacket,

    /// <summary>The compound packet does not start with an SR or RR (§6.1).</summary>
    FirstPacketNotReport,

    /// <summary>A packet other than the last one of the compound has the P bit set (§6.4.1, A.2).</summary>
    PaddingNotLast,

    /// <summary>The padding count is zero or larger than the packet.</summary>
    InvalidPadding,

    /// <summary>A packet was asked to be read as a type it is not.</summary>
    WrongPacketType,

    /// <summary>The report count announces more report blocks than the packet holds.</summary>
    ReportBlocksTruncated,

    /// <summary>An SDES chunk or item runs past the packet, or a chunk lacks its terminating null octet.</summary>
    SourceDescriptionTruncated,

    /// <summary>A BYE's source list or reason runs past the packet.</summary>
    GoodbyeTruncated,
}
