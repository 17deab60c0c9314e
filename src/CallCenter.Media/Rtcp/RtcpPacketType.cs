namespace CallCenter.Media.Rtcp;

/// <summary>RTCP packet types defined by RFC 3550 §12.1. Other values (feedback, XR…) are carried but not interpreted.</summary>
public enum RtcpPacketType : byte
{
    /// <summary>SR: sender report (§6.4.1).</summary>
    SenderReport = 200,

    /// <summary>RR: receiver report (§6.4.2).</summary>
    ReceiverReport = 201,

    /// <summary>SDES: source description (§6.5).</summary>
    SourceDescription = 202,

    /// <summary>BYE: goodbye (§6.6).</summary>
    Goodbye = 203,

    /// <summary>APP: application-defined (§6.7).</summary>
    ApplicationDefined = 204,
}
