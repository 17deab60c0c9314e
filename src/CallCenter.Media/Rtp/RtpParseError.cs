namespace CallCenter.Media.Rtp;

/// <summary>Why a datagram is not a usable RTP packet (RFC 3550 §5.1, validity rules of Appendix A.1).</summary>
public enum RtpParseError
{
    /// <summary>The packet parsed.</summary>
    None = 0,

    /// <summary>Shorter than the 12-byte fixed header.</summary>
    TooShort,

    /// <summary>The version field is not 2.</summary>
    UnsupportedVersion,

    /// <summary>The CSRC count announces more identifiers than the packet holds.</summary>
    CsrcListTruncated,

    /// <summary>The X bit is set but the extension header or its announced length runs past the packet.</summary>
    ExtensionTruncated,

    /// <summary>The P bit is set but the padding count is zero.</summary>
    InvalidPadding,

    /// <summary>The P bit is set and the padding count reaches into the header.</summary>
    PaddingExceedsPacket,
}
