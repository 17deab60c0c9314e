using System.Net;
using CallCenter.Media.Sdp;
using CallCenter.Media.Tests.Sdp.Vectors;

namespace CallCenter.Media.Tests.Sdp;

/// <summary>Answering offers (RFC 3264 §6): codec choice, telephone-event, streams, endpoints and ptime.</summary>
public class SdpNegotiatorAnswerTests
{
    internal static readonly LocalMedia Local = new(IPAddress.Parse("192.0.2.99"), 40000, 7, 7);
    internal static readonly LocalMedia LocalIpv6 = new(IPAddress.Parse("2001:db8::99"), 40000, 7, 7);
    private static readonly MediaCapabilities Defaults = new();

    public static TheoryData<string, int, string, int?, string, int, string> PeerExpectations() => new()
    {
        // peer, payload type, codec, telephone-event payload type, events, packet time, remote RTP
        { "sipp-uac-pcap", 8, "PCMA", 101, "0-11,16", 20, "127.0.0.1:6000" },
        { "sipp-uac", 0, "PCMU", null, string.Empty, 20, "127.0.0.1:6000" },
        { "baresip", 0, "PCMU", 101, "0-15", 20, "192.0.2.21:10000" },
        { "linphone", 0, "PCMU", 100, "0-15", 20, "192.0.2.30:7078" },
        { "zoiper", 0, "PCMU", 101, "0-16", 20, "192.0.2.40:52000" },
        { "asterisk", 8, "PCMA", 101, "0-16", 20, "203.0.113.5:17414" },
        { "trunk", 0, "PCMU", 101, "0-15", 20, "198.51.100.21:24580" },
        { "trunk-ipv6", 8, "PCMA", 96, "0-15", 30, "[2001:db8::21]:30000" },
    };

    [Theory]
    [MemberData(nameof(PeerExpectations))]
    public void Each_peer_gets_its_preferred_G711_and_its_telephone_event(
        string peer, int payloadType, string codec, int? eventPayloadType, string events, int packetTime, string remoteRtp)
    {
        var offer = SdpText.Parse(PeerSdps.All[peer]);

        var result = SdpNegotiator.CreateAnswer(offer, Defaults, peer == "trunk-ipv6" ? LocalIpv6 : Local);

        Assert.True(result.IsAccepted, result.Rejection?.Detail);
        var media = result.Media;
        Assert.Equal((payloadType, codec, 8000), (media.PayloadType, media.CodecName, media.ClockRate));
        Assert.Equal(eventPayloadType, media.TelephoneEventPayloadType);
        Assert.Equal(events, media.TelephoneEvents.ToString());
        Assert.Equal(packetTime, media.PacketTimeMilliseconds);
        Assert.Equal(IPEndPoint.Parse(remoteRtp), media.RemoteRtp);
        Assert.Equal(SdpDirection.SendRecv, media.Direction);
        Assert.False(media.IsHeldByPeer);
        Assert.Equal(0, media.MediaIndex);

        var answered = result.Answer.Media[0];
        Assert.Equal(eventPayloadType is null ? [payloadType] : [payloadType, eventPayloadType.Value], answered.PayloadTypes);
        Assert.True(SdpNegotiator.ProcessAnswer(offer, SdpText.Parse(result.Answer.ToString())).Success);
    }

    [Fact]
    public void The_answer_to_sipp_is_exactly_this()
    {
        var result = SdpNegotiator.CreateAnswer(SdpText.Parse(PeerSdps.SippUacPcap), Defaults, Local);

        Assert.Equal(
            SdpText.Crlf("""
                v=0
                o=- 7 7 IN IP4 192.0.2.99
                s=CallCenter
                c=IN IP4 192.0.2.99
                t=0 0
                m=audio 40000 RTP/AVP 8 101
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-11,16
                a=ptime:20
                a=sendrecv
                """),
            result.Answer!.ToString());
    }

    [Fact]
    public void Remote_RTCP_is_the_rtcp_attribute_or_the_next_port()
    {
        var linphone = SdpNegotiator.CreateAnswer(SdpText.Parse(PeerSdps.Linphone), Defaults, Local).Media!;
        var asterisk = SdpNegotiator.CreateAnswer(SdpText.Parse(PeerSdps.Asterisk), Defaults, Local).Media!;

        Assert.Equal(IPEndPoint.Parse("192.0.2.30:7079"), linphone.RemoteRtcp);
        Assert.Equal(IPEndPoint.Parse("203.0.113.5:17415"), asterisk.RemoteRtcp);
    }

    [Fact]
    public void Remote_RTCP_may_name_another_address_and_is_unknown_after_port_65535()
    {
        var withAddress = Offer("m=audio 5000 RTP/AVP 0\na=rtcp:6001 IN IP4 192.0.2.8");
        var lastPort = Offer("m=audio 65535 RTP/AVP 0");

        Assert.Equal(IPEndPoint.Parse("192.0.2.8:6001"), Answer(withAddress).Media!.RemoteRtcp);
        Assert.Null(Answer(lastPort).Media!.RemoteRtcp);
    }

    [Fact]
    public void Our_RTCP_port_is_announced_only_when_it_is_not_the_next_port()
    {
        var offer = SdpText.Parse(PeerSdps.Baresip);

        var apart = SdpNegotiator.CreateAnswer(offer, Defaults, Local with { RtcpPort = 40011 }).Answer!.Media[0];
        var next = SdpNegotiator.CreateAnswer(offer, Defaults, Local with { RtcpPort = 40001 }).Answer!.Media[0];

        Assert.Equal(new RtcpAttribute(40011), apart.Rtcp);
        Assert.Null(next.Rtcp);
    }

    [Fact]
    public void Local_capabilities_decide_which_codecs_are_acceptable()
    {
        var alawOnly = Defaults with { Codecs = [AudioCodec.Pcma] };

        var result = SdpNegotiator.CreateAnswer(SdpText.Parse(PeerSdps.Zoiper), alawOnly, Local);

        Assert.Equal((8, "PCMA"), (result.Media!.PayloadType, result.Media.CodecName));
    }

    [Fact]
    public void A_codec_at_a_dynamic_payload_type_is_recognised_by_name()
    {
        var result = Answer(Offer("m=audio 5000 RTP/AVP 96 101\na=rtpmap:96 pcmu/8000\na=rtpmap:101 telephone-event/8000"));

        Assert.Equal((96, "PCMU"), (result.Media!.PayloadType, result.Media.CodecName));
        Assert.Equal(new RtpMapAttribute(96, "PCMU", 8000), result.Answer!.Media[0].RtpMapFor(96));
    }

    [Fact]
    public void Stereo_or_wideband_G711_lookalikes_are_not_taken()
    {
        var result = Answer(Offer("m=audio 5000 RTP/AVP 96 97\na=rtpmap:96 PCMU/8000/2\na=rtpmap:97 PCMA/16000"));

        Assert.Equal(SdpWarningCode.IncompatibleMediaFormat, result.Rejection!.Warning);
    }

    [Fact]
    public void Telephone_event_without_fmtp_means_events_0_to_15()
    {
        var result = Answer(Offer("m=audio 5000 RTP/AVP 0 101\na=rtpmap:101 telephone-event/8000"));

        Assert.Equal("0-15", result.Media!.TelephoneEvents.ToString());
        Assert.Equal("0-15", result.Answer!.Media[0].FmtpFor(101)!.Parameters);
    }

    [Fact]
    public void Telephone_event_keeps_only_the_events_both_sides_handle()
    {
        var result = Answer(Offer("m=audio 5000 RTP/AVP 0 101\na=rtpmap:101 telephone-event/8000\na=fmtp:101 0-15,32-41,66"));

        Assert.Equal("0-15", result.Media!.TelephoneEvents.ToString());
    }

    [Theory]
    [InlineData("a=fmtp:101 32-41", "no common event")]
    [InlineData("a=fmtp:101 0-15 x", "unreadable fmtp")]
    [InlineData("a=fmtp:101 events=0-15", "unreadable fmtp")]
    public void Telephone_event_is_left_out_when_it_cannot_be_agreed(string fmtp, string because)
    {
        var result = Answer(Offer($"m=audio 5000 RTP/AVP 0 101\na=rtpmap:101 telephone-event/8000\n{fmtp}"));

        Assert.True(result.IsAccepted, because);
        Assert.Null(result.Media.TelephoneEventPayloadType);
        Assert.True(result.Media.TelephoneEvents.IsEmpty);
        Assert.Equal([0], result.Answer.Media[0].PayloadTypes);
    }

    [Fact]
    public void Telephone_event_at_another_clock_rate_is_not_taken()
    {
        var result = Answer(Offer("m=audio 5000 RTP/AVP 0 98\na=rtpmap:98 telephone-event/48000\na=fmtp:98 0-16"));

        Assert.Null(result.Media!.TelephoneEventPayloadType);
    }

    [Fact]
    public void With_telephone_events_switched_off_none_is_answered()
    {
        var result = SdpNegotiator.CreateAnswer(SdpText.Parse(PeerSdps.Asterisk), Defaults with { TelephoneEvents = default }, Local);

        Assert.Null(result.Media!.TelephoneEventPayloadType);
        Assert.Equal([8], result.Answer!.Media[0].PayloadTypes);
    }

    [Theory]
    [InlineData("", 20, null)]
    [InlineData("a=ptime:30", 30, 30)]
    [InlineData("a=ptime:10", 10, 10)]
    [InlineData("a=maxptime:10", 10, null)]
    [InlineData("a=ptime:40\na=maxptime:30", 30, 40)]
    [InlineData("a=ptime:20\na=maxptime:150", 20, 20)]
    public void The_peers_ptime_is_honoured_within_its_maxptime(string lines, int sent, int? reported)
    {
        var result = Answer(Offer("m=audio 5000 RTP/AVP 0" + (lines.Length > 0 ? "\n" + lines : string.Empty)));

        Assert.Equal(sent, result.Media!.PacketTimeMilliseconds);
        Assert.Equal(reported, result.Media.RemotePacketTimeMilliseconds);
        Assert.Equal(20, result.Answer!.Media[0].Ptime);
    }

    [Fact]
    public void Our_default_packet_time_comes_from_the_capabilities()
    {
        var result = SdpNegotiator.CreateAnswer(SdpText.Parse(PeerSdps.SippUac), Defaults with { PacketTimeMilliseconds = 30 }, Local);

        Assert.Equal(30, result.Media!.PacketTimeMilliseconds);
        Assert.Equal(30, result.Answer!.Media[0].Ptime);
    }

    [Theory]
    [InlineData("sendrecv", SdpDirection.SendRecv, SdpDirection.SendRecv, false)]
    [InlineData("sendonly", SdpDirection.RecvOnly, SdpDirection.RecvOnly, true)]
    [InlineData("recvonly", SdpDirection.SendOnly, SdpDirection.SendOnly, false)]
    [InlineData("inactive", SdpDirection.Inactive, SdpDirection.Inactive, true)]
    public void The_direction_is_answered_as_RFC_3264_requires(string offered, SdpDirection answered, SdpDirection ours, bool held)
    {
        var result = Answer(Offer($"m=audio 5000 RTP/AVP 0\na={offered}"));

        Assert.Equal(answered, result.Answer!.Media[0].Direction);
        Assert.Equal(ours, result.Media!.Direction);
        Assert.Equal(held, result.Media.IsHeldByPeer);
    }

    [Theory]
    [InlineData(SdpDirection.SendOnly, "sendrecv", SdpDirection.SendOnly)]
    [InlineData(SdpDirection.SendOnly, "sendonly", SdpDirection.Inactive)]
    [InlineData(SdpDirection.Inactive, "sendrecv", SdpDirection.Inactive)]
    [InlineData(SdpDirection.RecvOnly, "recvonly", SdpDirection.Inactive)]
    public void Our_own_hold_narrows_the_answer(SdpDirection wanted, string offered, SdpDirection answered)
    {
        var result = SdpNegotiator.CreateAnswer(Offer($"m=audio 5000 RTP/AVP 0\na={offered}"), Defaults, Local with { Direction = wanted });

        Assert.Equal(answered, result.Answer!.Media[0].Direction);
    }

    [Fact]
    public void Session_level_direction_applies_when_the_media_has_none()
    {
        var result = Answer(SdpText.Parse(HoldSdps.SessionLevelSendOnly));

        Assert.Equal(SdpDirection.RecvOnly, result.Answer!.Media[0].Direction);
        Assert.True(result.Media!.IsHeldByPeer);
        Assert.Equal(0, result.Answer.Media[1].Port);
    }

    [Fact]
    public void Old_style_hold_address_is_answered_as_a_hold()
    {
        var result = Answer(SdpText.Parse(HoldSdps.OldStyleHold));

        Assert.True(result.Media!.IsHeldByPeer);
        Assert.Equal(SdpDirection.RecvOnly, result.Media.Direction);
        Assert.Equal(SdpDirection.RecvOnly, result.Answer!.Media[0].Direction);
        Assert.Equal(IPEndPoint.Parse("0.0.0.0:5004"), result.Media.RemoteRtp);
    }

    [Fact]
    public void Only_the_first_usable_audio_stream_is_taken_and_the_others_refused_in_place()
    {
        // RFC 4317 §2.1: audio and video offered; we take the audio and refuse the video with port 0.
        var offer = SdpText.Parse(Rfc4317Examples.AudioVideoOffer);

        var result = Answer(offer);

        Assert.Equal(2, result.Answer!.Media.Count);
        Assert.Equal((0, "PCMU"), (result.Media!.PayloadType, result.Media.CodecName));
        var video = result.Answer.Media[1];
        Assert.Equal(("video", 0, "RTP/AVP"), (video.Media, video.Port, video.Protocol));
        Assert.Equal(["31", "32"], video.Formats);
        Assert.Empty(video.Attributes);
        Assert.Equal(new DnsEndPoint("host.atlanta.example.com", 49170, System.Net.Sockets.AddressFamily.InterNetwork), result.Media.RemoteRtp);
    }

    [Fact]
    public void A_stream_we_cannot_use_is_passed_over_for_a_later_one()
    {
        var result = Answer(Offer("m=audio 5000 RTP/SAVP 0\nm=video 5002 RTP/AVP 31\nm=audio 5004 RTP/AVP 18 8\nm=audio 5006 RTP/AVP 0"));

        Assert.Equal(2, result.Media!.MediaIndex);
        Assert.Equal([0, 0, 40000, 0], result.Answer!.Media.Select(m => m.Port));
        Assert.Equal(IPEndPoint.Parse("192.0.2.1:5004"), result.Media.RemoteRtp);
    }

    [Fact]
    public void Two_audio_streams_of_RFC_4317_section_2_4_keep_the_codec_stream_and_refuse_the_event_stream()
    {
        var result = Answer(SdpText.Parse(Rfc4317Examples.TwoAudioOffer));

        Assert.Equal([40000, 0], result.Answer!.Media.Select(m => m.Port));
        Assert.Null(result.Media!.TelephoneEventPayloadType);
    }

    [Fact]
    public void RFC_4317_section_2_6_takes_the_PCMU_stream_and_refuses_the_iLBC_one()
    {
        var result = Answer(SdpText.Parse(Rfc4317Examples.AudioOnlyOffer));

        Assert.Equal([40000, 0], result.Answer!.Media.Select(m => m.Port));
        Assert.Equal(["97", "101"], result.Answer.Media[1].Formats);
    }

    [Fact]
    public void A_stream_offered_with_port_0_is_answered_with_port_0()
    {
        var result = Answer(SdpText.Parse(Rfc4317Examples.AudioVideo2SecondOffer));

        Assert.Equal([40000, 0], result.Answer!.Media.Select(m => m.Port));
    }

    [Fact]
    public void No_common_codec_is_a_488_with_warning_305()
    {
        var result = Answer(Offer("m=audio 5000 RTP/AVP 18 9 101\na=rtpmap:101 telephone-event/8000"));

        Assert.False(result.IsAccepted);
        Assert.Null(result.Answer);
        Assert.Null(result.Media);
        var rejection = result.Rejection!;
        Assert.Equal(488, rejection.StatusCode);
        Assert.Equal(305, rejection.WarningCode);
        Assert.Equal("Incompatible media format", rejection.WarningText);
        Assert.Equal("305 callcenter \"Incompatible media format\"", rejection.ToWarningHeaderValue("callcenter"));
        Assert.Equal("m= line 1 offers formats 18 9 101, none of them PCMU/8000, PCMA/8000", rejection.Detail);
    }

    [Theory]
    [InlineData("m=audio 5000 RTP/SAVP 0", SdpWarningCode.IncompatibleTransportProtocol, "uses RTP/SAVP")]
    [InlineData("m=audio 5000 UDP/TLS/RTP/SAVPF 0", SdpWarningCode.IncompatibleTransportProtocol, "only RTP/AVP")]
    [InlineData("m=video 5000 RTP/AVP 31", SdpWarningCode.MediaTypeNotAvailable, "is video")]
    [InlineData("m=audio 5000 RTP/AVP 0\nc=IN IP6 2001:db8::5", SdpWarningCode.IncompatibleNetworkAddressFormats, "we receive unicast IP4")]
    [InlineData("m=audio 5000 RTP/AVP 0\nc=IN IP4 224.2.1.1/16", SdpWarningCode.IncompatibleNetworkAddressFormats, "224.2.1.1")]
    [InlineData("m=audio 0 RTP/AVP 0", SdpWarningCode.MediaTypeNotAvailable, "every m= line of the offer has port 0")]
    public void Offers_we_cannot_serve_are_refused_with_the_matching_warning(string media, SdpWarningCode warning, string detail)
    {
        var result = Answer(Offer(media));

        Assert.Equal(warning, result.Rejection!.Warning);
        Assert.Contains(detail, result.Rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_offer_without_m_lines_is_refused_with_warning_304()
    {
        var result = Answer(SdpText.Parse(InvalidSdps.NoMedia));

        Assert.Equal((304, "Media type not available"), (result.Rejection!.WarningCode, result.Rejection.WarningText));
        Assert.Equal("the offer has no m= line", result.Rejection.Detail);
    }

    [Fact]
    public void The_first_stream_problem_is_the_one_reported()
    {
        var result = Answer(Offer("m=audio 5000 RTP/AVP 18\nm=audio 5002 RTP/SAVP 0"));

        Assert.Equal(SdpWarningCode.IncompatibleMediaFormat, result.Rejection!.Warning);
    }

    [Fact]
    public void An_IPv6_offer_is_answered_from_an_IPv6_address()
    {
        var result = SdpNegotiator.CreateAnswer(SdpText.Parse(PeerSdps.TrunkIpv6), Defaults, LocalIpv6);

        Assert.Equal(new SdpConnection(SdpAddressType.Ip6, "2001:db8::99"), result.Answer!.Connection);
        Assert.Equal(SdpAddressType.Ip6, result.Answer.Origin.AddressType);
    }

    [Fact]
    public void Answers_carry_our_names_and_the_first_version()
    {
        var capabilities = Defaults with { OriginUserName = "cc", SessionName = "Queue" };

        var answer = SdpNegotiator.CreateAnswer(SdpText.Parse(PeerSdps.Baresip), capabilities, Local with { SessionId = 123, SessionVersion = 456 }).Answer!;

        Assert.Equal(new SdpOrigin("cc", "123", 456, SdpAddressType.Ip4, "192.0.2.99"), answer.Origin);
        Assert.Equal("Queue", answer.SessionName);
        Assert.Equal([SdpTiming.Unbounded], answer.Timings);
    }

    [Fact]
    public void Impossible_local_settings_are_programming_errors()
    {
        var offer = SdpText.Parse(PeerSdps.SippUac);

        Assert.Throws<ArgumentOutOfRangeException>(() => SdpNegotiator.CreateAnswer(offer, Defaults, Local with { RtpPort = 0 }));
        Assert.Throws<ArgumentException>(() => SdpNegotiator.CreateAnswer(offer, Defaults with { Codecs = [] }, Local));
        Assert.Throws<ArgumentException>(() => SdpNegotiator.CreateAnswer(offer, Defaults with { TelephoneEventPayloadType = 0 }, Local));
        Assert.Throws<ArgumentException>(() => SdpNegotiator.CreateAnswer(offer, Defaults with { TelephoneEventPayloadType = 96, Codecs = [new AudioCodec(96, "PCMU", 8000)] }, Local));
        Assert.Throws<ArgumentException>(() => SdpNegotiator.CreateOffer(Defaults with { Codecs = [new AudioCodec(0, "PCMA", 8000)] }, Local));
        Assert.Throws<ArgumentOutOfRangeException>(() => SdpNegotiator.CreateOffer(Defaults, Local with { RtcpPort = 70000 }));
    }

    internal static SessionDescription Offer(string mediaLines) =>
        SdpText.Parse(SdpText.Crlf("v=0\no=peer 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n" + mediaLines));

    private static SdpAnswerResult Answer(SessionDescription offer) => SdpNegotiator.CreateAnswer(offer, Defaults, Local);
}
