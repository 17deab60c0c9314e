namespace CallCenter.Media.Tests.Sdp.Vectors;

/// <summary>
/// Offers as the peers the server meets send them (addresses from the documentation ranges of RFC 5737/3849).
/// Each keeps the quirks of its sender: sipp's bare minimum, baresip's tool/ssrc lines, Linphone's many codecs
/// and telephone-event at three clock rates with a=rtcp, Zoiper's rtcp-mux and 48 kHz events, Asterisk's
/// maxptime, a carrier SBC preferring G.729, and an IPv6 trunk asking for 30 ms packets.
/// </summary>
public static class PeerSdps
{
    /// <summary>sipp's uac_pcap scenario (PCMA and telephone-event 101 with events 0-11,16), fields substituted.</summary>
    public static readonly string SippUacPcap = SdpText.Crlf("""
        v=0
        o=user1 53655765 2353687637 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio 6000 RTP/AVP 8 101
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-11,16
        """);

    /// <summary>sipp's default uac scenario: PCMU only, no telephone-event.</summary>
    public static readonly string SippUac = SdpText.Crlf("""
        v=0
        o=user1 53655765 2353687637 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio 6000 RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        """);

    /// <summary>baresip 1.0 with the g711 module: PCMU, PCMA, telephone-event 101.</summary>
    public static readonly string Baresip = SdpText.Crlf("""
        v=0
        o=- 1412381539 2115609727 IN IP4 192.0.2.21
        s=-
        c=IN IP4 192.0.2.21
        t=0 0
        a=tool:baresip 1.0.0
        m=audio 10000 RTP/AVP 0 8 101
        b=AS:80
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv
        a=label:1
        a=ssrc:3491258017 cname:f2e4a1c7-5b0d-4c8e-9a3f-1d2c3b4a5e6f
        a=rtcp-rsize
        a=ptime:20
        """);

    /// <summary>Linphone 5: Opus and Speex first, G.711 later, telephone-event at 48, 16 and 8 kHz, a=rtcp.</summary>
    public static readonly string Linphone = SdpText.Crlf("""
        v=0
        o=1002 3497 1725 IN IP4 192.0.2.30
        s=Talk
        c=IN IP4 192.0.2.30
        t=0 0
        a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
        a=record:off
        m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 useinbandfec=1
        a=rtpmap:97 speex/16000
        a=fmtp:97 vbr=on
        a=rtpmap:98 speex/8000
        a=fmtp:98 vbr=on
        a=fmtp:18 annexb=yes
        a=rtpmap:101 telephone-event/48000
        a=rtpmap:99 telephone-event/16000
        a=rtpmap:100 telephone-event/8000
        a=rtcp:7079
        a=rtcp-fb:* trr-int 1000
        a=rtcp-fb:* ccm tmmbr
        """);

    /// <summary>Zoiper 5: Opus and G.722 first, telephone-event at 48 kHz (98) and 8 kHz (101), rtcp-mux.</summary>
    public static readonly string Zoiper = SdpText.Crlf("""
        v=0
        o=Z 1708964432312 1 IN IP4 192.0.2.40
        s=Z
        c=IN IP4 192.0.2.40
        t=0 0
        m=audio 52000 RTP/AVP 106 9 98 101 0 8 3
        a=rtpmap:106 opus/48000/2
        a=fmtp:106 sprop-maxcapturerate=16000; minptime=20; useinbandfec=1
        a=rtpmap:98 telephone-event/48000
        a=fmtp:98 0-16
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=sendrecv
        a=rtcp-mux
        """);

    /// <summary>Asterisk 20 (chan_pjsip) with allow=alaw,ulaw: PCMA preferred, maxptime 150.</summary>
    public static readonly string Asterisk = SdpText.Crlf("""
        v=0
        o=- 1706004732 1706004734 IN IP4 203.0.113.5
        s=Asterisk
        c=IN IP4 203.0.113.5
        t=0 0
        m=audio 17414 RTP/AVP 8 0 101
        a=rtpmap:8 PCMA/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=ptime:20
        a=maxptime:150
        a=sendrecv
        """);

    /// <summary>A carrier SBC on a SIP trunk: G.729 first, signalling and media on different hosts.</summary>
    public static readonly string Trunk = SdpText.Crlf("""
        v=0
        o=Sonus_UAC 184749 392743 IN IP4 198.51.100.20
        s=SIP Media Capabilities
        c=IN IP4 198.51.100.21
        t=0 0
        m=audio 24580 RTP/AVP 18 0 8 101
        a=rtpmap:18 G729/8000
        a=fmtp:18 annexb=no
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv
        a=ptime:20
        a=maxptime:20
        """);

    /// <summary>An IPv6 trunk asking for 30 ms packets, telephone-event at payload type 96.</summary>
    public static readonly string TrunkIpv6 = SdpText.Crlf("""
        v=0
        o=- 3920123456 3920123457 IN IP6 2001:db8::20
        s=-
        c=IN IP6 2001:db8::21
        t=0 0
        m=audio 30000 RTP/AVP 8 96
        a=rtpmap:8 PCMA/8000
        a=rtpmap:96 telephone-event/8000
        a=fmtp:96 0-15
        a=ptime:30
        a=sendrecv
        """);

    /// <summary>Every vector by name, for theories.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["sipp-uac-pcap"] = SippUacPcap,
        ["sipp-uac"] = SippUac,
        ["baresip"] = Baresip,
        ["linphone"] = Linphone,
        ["zoiper"] = Zoiper,
        ["asterisk"] = Asterisk,
        ["trunk"] = Trunk,
        ["trunk-ipv6"] = TrunkIpv6,
    };

    public static TheoryData<string> Names() => [.. All.Keys];
}
