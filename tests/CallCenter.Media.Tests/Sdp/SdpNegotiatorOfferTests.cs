using System.Net;
using CallCenter.Media.Sdp;
using CallCenter.Media.Tests.Sdp.Vectors;

namespace CallCenter.Media.Tests.Sdp;

/// <summary>Offers for calls we place, and reading the answers to them (RFC 3264 §5, §6, §7).</summary>
public class SdpNegotiatorOfferTests
{
    private static readonly MediaCapabilities Defaults = new();
    private static readonly LocalMedia Local = SdpNegotiatorAnswerTests.Local;

    [Fact]
    public void Our_offer_is_PCMU_PCMA_and_telephone_event_101_with_events_0_to_16()
    {
        var offer = SdpNegotiator.CreateOffer(Defaults, Local);

        Assert.Equal(
            SdpText.Crlf("""
                v=0
                o=- 7 7 IN IP4 192.0.2.99
                s=CallCenter
                c=IN IP4 192.0.2.99
                t=0 0
                m=audio 40000 RTP/AVP 0 8 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-16
                a=ptime:20
                a=sendrecv
                """),
            offer.ToString());
    }

    [Fact]
    public void The_offer_follows_the_capabilities()
    {
        var capabilities = Defaults with
        {
            Codecs = [AudioCodec.Pcma], TelephoneEventPayloadType = 96, TelephoneEvents = TelephoneEventSet.Dtmf, PacketTimeMilliseconds = 30,
        };

        var audio = SdpNegotiator.CreateOffer(capabilities, Local with { Direction = SdpDirection.SendOnly, RtcpPort = 40005 }).Media[0];

        Assert.Equal(["8", "96"], audio.Formats);
        Assert.Equal("0-15", audio.FmtpFor(96)!.Parameters);
        Assert.Equal(30, audio.Ptime);
        Assert.Equal(SdpDirection.SendOnly, audio.Direction);
        Assert.Equal(new RtcpAttribute(40005), audio.Rtcp);
    }

    [Fact]
    public void Without_telephone_events_only_codecs_are_offered()
    {
        var audio = SdpNegotiator.CreateOffer(Defaults with { TelephoneEvents = default }, Local).Media[0];

        Assert.Equal(["0", "8"], audio.Formats);
        Assert.Empty(audio.Attributes.OfType<FmtpAttribute>());
    }

    [Theory]
    [MemberData(nameof(PeerSdps.Names), MemberType = typeof(PeerSdps))]
    public void Each_peer_can_answer_our_offer_and_we_read_the_answer(string peer)
    {
        // Every peer answers our offer the way our own answerer would, from its own capabilities.
        var offer = SdpNegotiator.CreateOffer(Defaults, Local);
        var peerSdp = SdpText.Parse(PeerSdps.All[peer]);
        var peerLocal = new LocalMedia(IPAddress.Parse("192.0.2.50"), 30000, 1, 1);
        var peerCapabilities = new MediaCapabilities
        {
            Codecs = peerSdp.Media[0].PayloadTypes.Select(peerSdp.Media[0].RtpMapFor).OfType<RtpMapAttribute>()
                .Where(m => m.EncodingName is "PCMU" or "PCMA").Select(m => new AudioCodec(m.PayloadType, m.EncodingName, m.ClockRate)).ToArray(),
        };
        var answer = SdpNegotiator.CreateAnswer(offer, peerCapabilities, peerLocal).Answer!;

        var result = SdpNegotiator.ProcessAnswer(offer, SdpText.Parse(answer.ToString()));

        Assert.True(result.Success, result.Error);
        // The answerer takes the offerer's most preferred codec it supports (RFC 3264 §6.1): ours is PCMU first.
        var expected = Defaults.Codecs.First(ours => peerCapabilities.Codecs.Any(c => c.EncodingName == ours.EncodingName));
        Assert.Equal(expected.EncodingName, result.Media.CodecName);
        Assert.Equal(101, result.Media.TelephoneEventPayloadType);
        Assert.Equal(IPEndPoint.Parse("192.0.2.50:30000"), result.Media.RemoteRtp);
        Assert.Equal(SdpDirection.SendRecv, result.Media.Direction);
    }

    [Fact]
    public void The_answer_decides_codec_payload_numbers_events_and_ptime()
    {
        var offer = SdpNegotiator.CreateOffer(Defaults, Local);

        var result = SdpNegotiator.ProcessAnswer(offer, Answer("m=audio 6000 RTP/AVP 8 96\na=rtpmap:96 telephone-event/8000\na=fmtp:96 0-11\na=ptime:30"));

        Assert.True(result.Success, result.Error);
        var media = result.Media;
        Assert.Equal((8, "PCMA", 8000), (media.PayloadType, media.CodecName, media.ClockRate));
        Assert.Equal((96, "0-11"), (media.TelephoneEventPayloadType, media.TelephoneEvents.ToString()));
        Assert.Equal((30, 30), (media.PacketTimeMilliseconds, media.RemotePacketTimeMilliseconds));
        Assert.Equal(IPEndPoint.Parse("192.0.2.1:6001"), media.RemoteRtcp);
    }

    [Fact]
    public void Without_ptime_in_the_answer_we_send_at_the_ptime_we_offered()
    {
        var offer = SdpNegotiator.CreateOffer(Defaults with { PacketTimeMilliseconds = 40 }, Local);

        Assert.Equal(40, SdpNegotiator.ProcessAnswer(offer, Answer("m=audio 6000 RTP/AVP 0")).Media!.PacketTimeMilliseconds);
    }

    [Fact]
    public void An_answer_without_telephone_event_gives_none()
    {
        var result = SdpNegotiator.ProcessAnswer(SdpNegotiator.CreateOffer(Defaults, Local), Answer("m=audio 6000 RTP/AVP 0"));

        Assert.Null(result.Media!.TelephoneEventPayloadType);
    }

    [Fact]
    public void A_dynamic_format_answered_without_rtpmap_takes_the_offered_mapping()
    {
        var result = SdpNegotiator.ProcessAnswer(SdpNegotiator.CreateOffer(Defaults, Local), Answer("m=audio 6000 RTP/AVP 0 101"));

        Assert.True(result.Success, result.Error);
        Assert.Equal(101, result.Media.TelephoneEventPayloadType);
        Assert.Equal("0-15", result.Media.TelephoneEvents.ToString());
    }

    [Theory]
    [InlineData("a=sendonly", SdpDirection.RecvOnly, true)]
    [InlineData("a=recvonly", SdpDirection.SendOnly, false)]
    [InlineData("a=inactive", SdpDirection.Inactive, true)]
    [InlineData("c=IN IP4 0.0.0.0", SdpDirection.RecvOnly, true)]
    public void An_answer_may_hold_us_or_only_receive(string line, SdpDirection ours, bool held)
    {
        var result = SdpNegotiator.ProcessAnswer(SdpNegotiator.CreateOffer(Defaults, Local), Answer("m=audio 6000 RTP/AVP 0\n" + line));

        Assert.Equal(ours, result.Media!.Direction);
        Assert.Equal(held, result.Media.IsHeldByPeer);
    }

    [Fact]
    public void When_we_hold_the_peer_its_recvonly_answer_is_not_a_hold_by_the_peer()
    {
        var offer = SdpNegotiator.CreateOffer(Defaults, Local with { Direction = SdpDirection.SendOnly });

        var media = SdpNegotiator.ProcessAnswer(offer, Answer("m=audio 6000 RTP/AVP 0\na=recvonly")).Media!;

        Assert.Equal((SdpDirection.SendOnly, false), (media.Direction, media.IsHeldByPeer));
    }

    public static TheoryData<string, string> BadAnswers() => new()
    {
        { "m=audio 6000 RTP/AVP 0\nm=video 0 RTP/AVP 31", "the answer has 2 m= lines but the offer had 1" },
        { "m=video 6000 RTP/AVP 31", "m= line 1 is video in the answer but audio in the offer" },
        { "m=audio 0 RTP/AVP 0", "the answer refused the audio stream (port 0)" },
        { "m=audio 6000 RTP/SAVP 0", "the answer's audio uses RTP/SAVP but the offer used RTP/AVP" },
        { "m=audio 6000 RTP/AVP 18", "answer format 18 (G729/8000) was not offered" },
        { "m=audio 6000 RTP/AVP 0 97\na=rtpmap:97 iLBC/8000", "answer format 97 (iLBC/8000) was not offered" },
        { "m=audio 6000 RTP/AVP 0 100\na=rtpmap:100 telephone-event/16000", "answer format 100 (telephone-event/16000) was not offered" },
        { "m=audio 6000 RTP/AVP 96", "answer format 96 has no a=rtpmap and is not in the offer" },
        { "m=audio 6000 RTP/AVP 101", "lists no codec, only telephone-event" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public void An_answer_that_is_not_a_subset_of_the_offer_is_an_error(string mediaLines, string error)
    {
        var result = SdpNegotiator.ProcessAnswer(SdpNegotiator.CreateOffer(Defaults, Local), Answer(mediaLines));

        Assert.False(result.Success);
        Assert.Null(result.Media);
        Assert.Contains(error, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SdpDirection.SendOnly, "a=sendonly")]
    [InlineData(SdpDirection.SendOnly, "a=sendrecv")]
    [InlineData(SdpDirection.RecvOnly, "a=recvonly")]
    [InlineData(SdpDirection.Inactive, "a=sendrecv")]
    public void An_answer_direction_the_offer_does_not_allow_is_an_error(SdpDirection offered, string answered)
    {
        var offer = SdpNegotiator.CreateOffer(Defaults, Local with { Direction = offered });

        var result = SdpNegotiator.ProcessAnswer(offer, Answer("m=audio 6000 RTP/AVP 0\n" + answered));

        Assert.Contains("is not allowed for an offered", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_reviving_a_stream_offered_with_port_0_is_an_error()
    {
        var offer = SdpText.Parse(Rfc4317Examples.AudioVideo2SecondOffer);
        var answer = SdpText.Parse(Rfc4317Examples.AudioVideo1Answer);

        Assert.Equal("m= line 2 was offered with port 0 but the answer gives it port 49170", SdpNegotiator.ProcessAnswer(offer, answer).Error);
    }

    [Fact]
    public void RFC_4317_answers_are_read_as_the_RFC_describes()
    {
        var offer = SdpText.Parse(Rfc4317Examples.AudioVideoOffer);

        // §2.1: PCMU; §2.2: PCMU or PCMA, the first listed is used; §2.3: iLBC renumbered 97 → 99; §2.8: PCMU.
        Assert.Equal((0, "PCMU"), Chosen(offer, Rfc4317Examples.AudioVideo1Answer));
        Assert.Equal((0, "PCMU"), Chosen(offer, Rfc4317Examples.AudioVideo2Answer));
        Assert.Equal((99, "iLBC"), Chosen(offer, Rfc4317Examples.AudioVideo3Answer));
        Assert.Equal((0, "PCMU"), Chosen(offer, Rfc4317Examples.AudioVideo6Answer));
        Assert.Equal(1, SdpNegotiator.ProcessAnswer(SdpText.Parse(Rfc4317Examples.AudioOnlyOffer), SdpText.Parse(Rfc4317Examples.AudioOnlyAnswer)).Media!.MediaIndex);
    }

    [Fact]
    public void RFC_4317_section_3_1_answer_holds_the_offerer()
    {
        var media = SdpNegotiator.ProcessAnswer(SdpText.Parse(Rfc4317Examples.HoldOffer), SdpText.Parse(Rfc4317Examples.HoldAnswer)).Media!;

        Assert.True(media.IsHeldByPeer);
        Assert.Equal(SdpDirection.RecvOnly, media.Direction);
        Assert.Equal(new DnsEndPoint("placeholder.biloxi.example.com", 49172, System.Net.Sockets.AddressFamily.InterNetwork), media.RemoteRtp);
    }

    private static (int, string) Chosen(SessionDescription offer, string answer)
    {
        var result = SdpNegotiator.ProcessAnswer(offer, SdpText.Parse(answer));
        Assert.True(result.Success, result.Error);
        return (result.Media.PayloadType, result.Media.CodecName);
    }

    private static SessionDescription Answer(string mediaLines) =>
        SdpText.Parse(SdpText.Crlf("v=0\no=peer 5 5 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n" + mediaLines));
}
