namespace CallCenter.Media.Tests.Sdp.Vectors;

/// <summary>
/// A Linphone call put on hold and resumed by re-INVITEs (RFC 3264 §8.4: a=sendonly, version + 1 each time),
/// the RFC 2543 hold (c=0.0.0.0) as older phones still send it, a mutual hold (a=inactive), and a session-level
/// a=sendonly that a media-level attribute overrides.
/// </summary>
public static class HoldSdps
{
    /// <summary>The initial offer of the call.</summary>
    public static readonly string LinphoneActive = SdpText.Crlf("""
        v=0
        o=1002 3497 1725 IN IP4 192.0.2.30
        s=Talk
        c=IN IP4 192.0.2.30
        t=0 0
        m=audio 7078 RTP/AVP 0 8 101
        a=rtpmap:101 telephone-event/8000
        """);

    /// <summary>The agent presses hold: the same offer, send-only, version 1726.</summary>
    public static readonly string LinphoneHold = SdpText.Crlf("""
        v=0
        o=1002 3497 1726 IN IP4 192.0.2.30
        s=Talk
        c=IN IP4 192.0.2.30
        t=0 0
        m=audio 7078 RTP/AVP 0 8 101
        a=rtpmap:101 telephone-event/8000
        a=sendonly
        """);

    /// <summary>The agent resumes: send-receive again, version 1727.</summary>
    public static readonly string LinphoneResume = SdpText.Crlf("""
        v=0
        o=1002 3497 1727 IN IP4 192.0.2.30
        s=Talk
        c=IN IP4 192.0.2.30
        t=0 0
        m=audio 7078 RTP/AVP 0 8 101
        a=rtpmap:101 telephone-event/8000
        a=sendrecv
        """);

    /// <summary>RFC 2543 hold: the connection address 0.0.0.0 and no direction attribute.</summary>
    public static readonly string OldStyleHold = SdpText.Crlf("""
        v=0
        o=- 8000 8001 IN IP4 192.0.2.50
        s=-
        c=IN IP4 0.0.0.0
        t=0 0
        m=audio 5004 RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=ptime:20
        """);

    /// <summary>Both sides on hold: a=inactive.</summary>
    public static readonly string Inactive = SdpText.Crlf("""
        v=0
        o=- 8000 8002 IN IP4 192.0.2.50
        s=-
        c=IN IP4 192.0.2.50
        t=0 0
        m=audio 5004 RTP/AVP 0 101
        a=rtpmap:101 telephone-event/8000
        a=inactive
        """);

    /// <summary>Session-level a=sendonly as the default; the second audio stream overrides it with a=recvonly.</summary>
    public static readonly string SessionLevelSendOnly = SdpText.Crlf("""
        v=0
        o=- 9000 9001 IN IP4 192.0.2.60
        s=-
        c=IN IP4 192.0.2.60
        t=0 0
        a=sendonly
        m=audio 6000 RTP/AVP 8
        m=audio 6002 RTP/AVP 0
        a=recvonly
        """);
}
