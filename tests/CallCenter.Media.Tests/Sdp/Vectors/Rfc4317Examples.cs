namespace CallCenter.Media.Tests.Sdp.Vectors;

/// <summary>
/// Offers and answers from RFC 4317 (SDP Offer/Answer Examples). As the RFC notes, s= holds a single space.
/// Alice is host.atlanta.example.com, Bob host.biloxi.example.com; 97 and 99 are iLBC, 98 telephone-event.
/// </summary>
public static class Rfc4317Examples
{
    /// <summary>§2.1/§2.2/§2.3/§2.8 offer: PCMU, PCMA, iLBC audio; H261, MPV video.</summary>
    public static readonly string AudioVideoOffer = SdpText.Crlf("""
        v=0
        o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
        s= 
        c=IN IP4 host.atlanta.example.com
        t=0 0
        m=audio 49170 RTP/AVP 0 8 97
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:97 iLBC/8000
        m=video 51372 RTP/AVP 31 32
        a=rtpmap:31 H261/90000
        a=rtpmap:32 MPV/90000
        """);

    /// <summary>§2.1 answer: PCMU and MPV accepted.</summary>
    public static readonly string AudioVideo1Answer = SdpText.Crlf("""
        v=0
        o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
        s= 
        c=IN IP4 host.biloxi.example.com
        t=0 0
        m=audio 49174 RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        m=video 49170 RTP/AVP 32
        a=rtpmap:32 MPV/90000
        """);

    /// <summary>§2.2 answer: PCMU and PCMA accepted, video refused with port 0.</summary>
    public static readonly string AudioVideo2Answer = SdpText.Crlf("""
        v=0
        o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
        s= 
        c=IN IP4 host.biloxi.example.com
        t=0 0
        m=audio 49172 RTP/AVP 0 8
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        m=video 0 RTP/AVP 31
        a=rtpmap:31 H261/90000
        """);

    /// <summary>§2.2 second offer: Alice narrows to PCMU, version incremented, video still at port 0.</summary>
    public static readonly string AudioVideo2SecondOffer = SdpText.Crlf("""
        v=0
        o=alice 2890844526 2890844527 IN IP4 host.atlanta.example.com
        s= 
        c=IN IP4 host.atlanta.example.com
        t=0 0
        m=audio 51372 RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        m=video 0 RTP/AVP 31
        a=rtpmap:31 H261/90000
        """);

    /// <summary>§2.3 answer: iLBC accepted under payload type 99 instead of the offered 97, and H261.</summary>
    public static readonly string AudioVideo3Answer = SdpText.Crlf("""
        v=0
        o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
        s= 
        c=IN IP4 host.biloxi.example.com
        t=0 0
        m=audio 49172 RTP/AVP 99
        a=rtpmap:99 iLBC/8000
        m=video 51374 RTP/AVP 31
        a=rtpmap:31 H261/90000
        """);

    /// <summary>§2.4 offer: an audio stream and a separate send-only telephone-event stream.</summary>
    public static readonly string TwoAudioOffer = SdpText.Crlf("""
        v=0
        o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
        s= 
        c=IN IP4 host.atlanta.example.com
        t=0 0
        m=audio 49170 RTP/AVP 0 97
        a=rtpmap:0 PCMU/8000
        a=rtpmap:97 iLBC/8000
        m=audio 49172 RTP/AVP 98
        a=rtpmap:98 telephone-event/8000
        a=sendonly
        """);

    /// <summary>§2.6 offer: PCMU in one stream, iLBC with telephone-event in another.</summary>
    public static readonly string AudioOnlyOffer = SdpText.Crlf("""
        v=0
        o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
        s= 
        c=IN IP4 host.atlanta.example.com
        t=0 0
        m=audio 49170 RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        m=audio 51372 RTP/AVP 97 101
        a=rtpmap:97 iLBC/8000
        a=rtpmap:101 telephone-event/8000
        """);

    /// <summary>§2.6 answer: Bob refuses the first stream and takes the second.</summary>
    public static readonly string AudioOnlyAnswer = SdpText.Crlf("""
        v=0
        o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
        s= 
        c=IN IP4 host.biloxi.example.com
        t=0 0
        m=audio 0 RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        m=audio 49170 RTP/AVP 97 101
        a=rtpmap:97 iLBC/8000
        a=rtpmap:101 telephone-event/8000
        """);

    /// <summary>§2.8 answer: video sent to another host through a media-level c= line.</summary>
    public static readonly string AudioVideo6Answer = SdpText.Crlf("""
        v=0
        o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
        s= 
        c=IN IP4 host.biloxi.example.com
        t=0 0
        m=audio 49174 RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        m=video 49172 RTP/AVP 32
        c=IN IP4 otherhost.biloxi.example.com
        a=rtpmap:32 MPV/90000
        """);

    /// <summary>§3.1 offer: PCMU and iLBC.</summary>
    public static readonly string HoldOffer = SdpText.Crlf("""
        v=0
        o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
        s= 
        c=IN IP4 host.atlanta.example.com
        t=0 0
        m=audio 49170 RTP/AVP 0 97
        a=rtpmap:0 PCMU/8000
        a=rtpmap:97 iLBC/8000
        """);

    /// <summary>§3.1 answer: Bob answers send-only, placing Alice on hold at once.</summary>
    public static readonly string HoldAnswer = SdpText.Crlf("""
        v=0
        o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
        s= 
        c=IN IP4 placeholder.biloxi.example.com
        t=0 0
        m=audio 49172 RTP/AVP 97
        a=rtpmap:97 iLBC/8000
        a=sendonly
        """);

    /// <summary>§3.1 second offer: Bob takes Alice off hold (no direction attribute: sendrecv).</summary>
    public static readonly string HoldSecondOffer = SdpText.Crlf("""
        v=0
        o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com
        s= 
        c=IN IP4 host.biloxi.example.com
        t=0 0
        m=audio 49170 RTP/AVP 97
        a=rtpmap:97 iLBC/8000
        """);

    /// <summary>§3.2 second offer: Bob holds the audio stream (sendonly) but not the tone stream (recvonly).</summary>
    public static readonly string HoldTwoStreamsSecondOffer = SdpText.Crlf("""
        v=0
        o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com
        s= 
        c=IN IP4 host.biloxi.example.com
        t=0 0
        m=audio 49172 RTP/AVP 97
        a=rtpmap:97 iLBC/8000
        a=sendonly
        m=audio 49174 RTP/AVP 98
        a=rtpmap:98 telephone-event/8000
        a=recvonly
        """);

    /// <summary>§4.1 second offer: a telephone-event stream added on a media server with its own c= line.</summary>
    public static readonly string SecondStreamAddedOffer = SdpText.Crlf("""
        v=0
        o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com
        s= 
        c=IN IP4 host.biloxi.example.com
        t=0 0
        m=audio 49170 RTP/AVP 97
        a=rtpmap:97 iLBC/8000
        m=audio 48282 RTP/AVP 98
        c=IN IP4 mediaserver.biloxi.example.com
        a=rtpmap:98 telephone-event/8000
        a=recvonly
        """);

    /// <summary>Every example by name, for theories.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["2.1-2.3-offer"] = AudioVideoOffer,
        ["2.1-answer"] = AudioVideo1Answer,
        ["2.2-answer"] = AudioVideo2Answer,
        ["2.2-second-offer"] = AudioVideo2SecondOffer,
        ["2.3-answer"] = AudioVideo3Answer,
        ["2.4-offer"] = TwoAudioOffer,
        ["2.6-offer"] = AudioOnlyOffer,
        ["2.6-answer"] = AudioOnlyAnswer,
        ["2.8-answer"] = AudioVideo6Answer,
        ["3.1-offer"] = HoldOffer,
        ["3.1-answer"] = HoldAnswer,
        ["3.1-second-offer"] = HoldSecondOffer,
        ["3.2-second-offer"] = HoldTwoStreamsSecondOffer,
        ["4.1-second-offer"] = SecondStreamAddedOffer,
    };

    public static TheoryData<string> Names() => [.. All.Keys];
}
