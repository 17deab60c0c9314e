using System.Net;
using System.Text;
using CallCenter.Media.Sdp;
using CallCenter.Media.Tests.Sdp.Vectors;

namespace CallCenter.Media.Tests.Sdp;

/// <summary>What the parser reads from valid descriptions, field by field.</summary>
public class SdpParserTests
{
    [Theory]
    [MemberData(nameof(PeerSdps.Names), MemberType = typeof(PeerSdps))]
    public void Every_peer_offer_parses(string name)
    {
        var description = SdpText.Parse(PeerSdps.All[name]);

        var audio = Assert.Single(description.Media);
        Assert.True(audio.IsAudio);
        Assert.Equal("RTP/AVP", audio.Protocol);
    }

    [Theory]
    [MemberData(nameof(Rfc4317Examples.Names), MemberType = typeof(Rfc4317Examples))]
    public void Every_RFC_4317_example_parses_with_its_single_space_session_name(string name)
    {
        var description = SdpText.Parse(Rfc4317Examples.All[name]);

        Assert.Equal(" ", description.SessionName);
        Assert.Equal("host", description.Origin.Address.Split('.')[0]);
    }

    [Fact]
    public void Sipp_offer_is_read_field_by_field()
    {
        var description = SdpText.Parse(PeerSdps.SippUacPcap);

        Assert.Equal(new SdpOrigin("user1", "53655765", 2353687637, SdpAddressType.Ip4, "127.0.0.1"), description.Origin);
        Assert.Equal("-", description.SessionName);
        Assert.Equal(new SdpConnection(SdpAddressType.Ip4, "127.0.0.1"), description.Connection);
        Assert.Equal([SdpTiming.Unbounded], description.Timings);
        var audio = description.Media[0];
        Assert.Equal(("audio", 6000, (int?)null), (audio.Media, audio.Port, audio.PortCount));
        Assert.Equal(["8", "101"], audio.Formats);
        Assert.Equal([8, 101], audio.PayloadTypes);
        Assert.Equal(new RtpMapAttribute(8, "PCMA", 8000), audio.RtpMapFor(8));
        Assert.True(audio.RtpMapFor(101)!.IsTelephoneEvent);
        Assert.Equal("0-11,16", audio.FmtpFor(101)!.Parameters);
        Assert.Null(audio.Direction);
        Assert.Equal(SdpDirection.SendRecv, description.DirectionOf(audio));
    }

    [Fact]
    public void Linphone_offer_keeps_unknown_attributes_in_order_and_reads_rtcp_and_static_types()
    {
        var description = SdpText.Parse(PeerSdps.Linphone);

        Assert.Equal(
            [new GenericAttribute("rtcp-xr", "rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics"), new GenericAttribute("record", "off")],
            description.Attributes);
        var audio = description.Media[0];
        Assert.Equal(new RtcpAttribute(7079), audio.Rtcp);
        Assert.Equal(new RtpMapAttribute(0, "PCMU", 8000, 1), audio.RtpMapFor(0));
        Assert.Equal("G729", audio.RtpMapFor(18)!.EncodingName);
        Assert.Equal("annexb=yes", audio.FmtpFor(18)!.Parameters);
        Assert.Equal(new RtpMapAttribute(96, "opus", 48000, 2), audio.RtpMapFor(96));
        Assert.Equal(
            ["rtcp-fb:* trr-int 1000", "rtcp-fb:* ccm tmmbr"],
            audio.Attributes.OfType<GenericAttribute>().Select(a => a.ToString()));
    }

    [Fact]
    public void Baresip_offer_has_media_bandwidth_ptime_and_a_session_tool_attribute()
    {
        var description = SdpText.Parse(PeerSdps.Baresip);

        Assert.Equal(new GenericAttribute("tool", "baresip 1.0.0"), Assert.Single(description.Attributes));
        var audio = description.Media[0];
        Assert.Equal([new SdpBandwidth("AS", 80)], audio.Bandwidths);
        Assert.Equal(20, audio.Ptime);
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.Contains(new GenericAttribute("rtcp-rsize"), audio.Attributes);
    }

    [Fact]
    public void IPv6_trunk_offer_reads_as_IPv6()
    {
        var description = SdpText.Parse(PeerSdps.TrunkIpv6);

        Assert.Equal(SdpAddressType.Ip6, description.Origin.AddressType);
        Assert.Equal(IPAddress.Parse("2001:db8::21"), description.Connection!.IpAddress);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::21"), 30000), description.Connection.ToEndPoint(30000));
        Assert.Equal(30, description.Media[0].Ptime);
    }

    [Fact]
    public void Session_level_direction_is_the_default_and_a_media_level_one_overrides_it()
    {
        var description = SdpText.Parse(HoldSdps.SessionLevelSendOnly);

        Assert.Equal(SdpDirection.SendOnly, description.Direction);
        Assert.Equal(SdpDirection.SendOnly, description.DirectionOf(description.Media[0]));
        Assert.Equal(SdpDirection.RecvOnly, description.DirectionOf(description.Media[1]));
    }

    [Fact]
    public void Old_style_hold_address_is_unspecified()
    {
        var description = SdpText.Parse(HoldSdps.OldStyleHold);

        Assert.True(description.Connection!.IsUnspecified);
        Assert.False(SdpText.Parse(PeerSdps.Asterisk).Connection!.IsUnspecified);
    }

    [Fact]
    public void Media_level_connection_overrides_the_session_one_and_domain_names_become_dns_endpoints()
    {
        var description = SdpText.Parse(Rfc4317Examples.AudioVideo6Answer);

        var video = description.Media[1];
        Assert.Equal("otherhost.biloxi.example.com", description.ConnectionOf(video)!.Address);
        Assert.Equal("host.biloxi.example.com", description.ConnectionOf(description.Media[0])!.Address);
        Assert.Null(video.Connection!.IpAddress);
        Assert.Equal(new DnsEndPoint("otherhost.biloxi.example.com", 49172, System.Net.Sockets.AddressFamily.InterNetwork), video.Connection.ToEndPoint(49172));
    }

    [Fact]
    public void Every_session_line_type_of_RFC_4566_is_read()
    {
        var description = SdpText.Parse(SdpText.Crlf("""
            v=0
            o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5
            s=SDP Seminar
            i=A Seminar on the session description protocol
            u=http://www.example.com/seminars/sdp.pdf
            e=j.doe@example.com (Jane Doe)
            p=+1 617 555-6011
            c=IN IP4 224.2.17.12/127
            b=CT:128
            t=2873397496 2873404696
            r=7d 1h 0 25h
            t=0 0
            z=2882844526 -1h 2898848070 0
            k=prompt
            a=recvonly
            m=audio 49170 RTP/AVP 0
            i=speech
            b=AS:64
            k=clear:secret
            m=video 51372/2 RTP/AVP 99
            a=rtpmap:99 h263-1998/90000
            """));

        Assert.Equal("A Seminar on the session description protocol", description.Information);
        Assert.Equal("http://www.example.com/seminars/sdp.pdf", description.Uri);
        Assert.Equal(["j.doe@example.com (Jane Doe)"], description.Emails);
        Assert.Equal(["+1 617 555-6011"], description.Phones);
        Assert.Equal(new SdpConnection(SdpAddressType.Ip4, "224.2.17.12") { Ttl = 127 }, description.Connection);
        Assert.Equal([new SdpBandwidth("CT", 128)], description.Bandwidths);
        Assert.Equal([new SdpTiming(2873397496, 2873404696) { Repeats = ["7d 1h 0 25h"] }, SdpTiming.Unbounded], description.Timings);
        Assert.Equal("2882844526 -1h 2898848070 0", description.TimeZones);
        Assert.Equal("prompt", description.EncryptionKey);
        Assert.Equal(SdpDirection.RecvOnly, description.Direction);
        Assert.Equal(("speech", "clear:secret"), (description.Media[0].Information, description.Media[0].EncryptionKey));
        Assert.Equal((51372, (int?)2), (description.Media[1].Port, description.Media[1].PortCount));
    }

    [Theory]
    [InlineData("c=IN IP4 224.2.1.1/127/3", 127, 3)]
    [InlineData("c=IN IP4 232.0.0.1/0", 0, null)]
    [InlineData("c=IN IP6 ff15::101/3", null, 3)]
    [InlineData("c=IN IP6 ff15::101", null, null)]
    public void Multicast_connections_read_TTL_and_count(string line, int? ttl, int? count)
    {
        var description = SdpText.Parse(SdpText.Crlf($"v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\n{line}\nt=0 0"));

        Assert.True(description.Connection!.IsMulticast);
        Assert.Equal((ttl, count), (description.Connection.Ttl, description.Connection.AddressCount));
    }

    [Fact]
    public void Rtcp_attribute_may_carry_its_own_address()
    {
        var media = ParseMedia("m=audio 5000 RTP/AVP 0\na=rtcp:53020 IN IP6 2001:db8::7");

        Assert.Equal(new RtcpAttribute(53020, new SdpConnection(SdpAddressType.Ip6, "2001:db8::7")), media.Rtcp);
    }

    [Fact]
    public void Non_RTP_media_takes_token_formats()
    {
        var media = ParseMedia("m=message 7394 TCP/MSRP *\na=accept-types:text/plain");

        Assert.False(media.IsRtp);
        Assert.Equal(["*"], media.Formats);
        Assert.Empty(media.PayloadTypes);
    }

    [Fact]
    public void Known_attribute_names_are_matched_ignoring_case()
    {
        var media = ParseMedia("m=audio 5000 RTP/AVP 0 101\na=RTPMAP:0 pcmu/8000\na=SendOnly\na=PTime:30\na=rtpmap:101 Telephone-Event/8000");

        Assert.Equal(new RtpMapAttribute(0, "pcmu", 8000), media.RtpMapFor(0));
        Assert.Equal(SdpDirection.SendOnly, media.Direction);
        Assert.Equal(30, media.Ptime);
        Assert.True(media.RtpMapFor(101)!.IsTelephoneEvent);
    }

    [Fact]
    public void An_rtpmap_that_agrees_with_RFC_3551_and_one_for_an_unassigned_static_number_are_accepted()
    {
        var media = ParseMedia("m=audio 5000 RTP/AVP 0 2 97\na=rtpmap:0 PCMU/8000/1\na=rtpmap:2 G726-32/8000");

        Assert.Equal(1, media.RtpMapFor(0)!.Channels);
        Assert.Equal("G726-32", media.RtpMapFor(2)!.EncodingName);
        Assert.Null(media.RtpMapFor(97));
    }

    [Fact]
    public void Session_level_rtpmap_and_ptime_are_not_interpreted()
    {
        var description = SdpText.Parse(SdpText.Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\na=ptime:abc\na=rtpmap:0 whatever"));

        Assert.Equal([new GenericAttribute("ptime", "abc"), new GenericAttribute("rtpmap", "0 whatever")], description.Attributes);
    }

    [Fact]
    public void Bare_LF_line_ends_parse_like_CRLF()
    {
        var lf = PeerSdps.Linphone.Replace("\r\n", "\n");

        Assert.Equal(SdpText.Parse(PeerSdps.Linphone), SdpText.Parse(lf));
    }

    [Fact]
    public void Missing_final_line_end_and_trailing_empty_lines_are_tolerated()
    {
        var expected = SdpText.Parse(PeerSdps.Asterisk);

        Assert.Equal(expected, SdpText.Parse(PeerSdps.Asterisk.TrimEnd()));
        Assert.Equal(expected, SdpText.Parse(PeerSdps.Asterisk + "\r\n\r\n"));
    }

    [Fact]
    public void Trailing_blanks_after_structured_fields_are_ignored_but_kept_in_text_fields()
    {
        var description = SdpText.Parse("v=0 \r\no=- 1 1 IN IP4 192.0.2.1 \r\ns=Name \r\nc=IN IP4 192.0.2.1\t\r\nt=0 0 \r\nm=audio 5000 RTP/AVP 0 8 \r\na=fmtp:8 x=1 \r\n");

        Assert.Equal("Name ", description.SessionName);
        Assert.Equal(["0", "8"], description.Media[0].Formats);
        Assert.Equal("x=1", description.Media[0].FmtpFor(8)!.Parameters);
    }

    [Fact]
    public void Empty_session_name_is_accepted()
    {
        Assert.Equal(string.Empty, SdpText.Parse(SdpText.Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=\nt=0 0")).SessionName);
    }

    [Fact]
    public void Optional_session_lines_are_accepted_out_of_order()
    {
        var description = SdpText.Parse(SdpText.Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\na=tool:x\nc=IN IP4 192.0.2.1\nb=AS:64\nm=audio 5000 RTP/AVP 0"));

        Assert.Equal(new SdpConnection(SdpAddressType.Ip4, "192.0.2.1"), description.Connection);
        Assert.Equal([new SdpBandwidth("AS", 64)], description.Bandwidths);
    }

    [Fact]
    public void A_description_without_media_parses()
    {
        Assert.Empty(SdpText.Parse(InvalidSdps.NoMedia).Media);
    }

    [Fact]
    public void UTF8_bytes_are_decoded()
    {
        var bytes = Encoding.UTF8.GetBytes(SdpText.Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=Caf\u00e9 \u4e2d\nt=0 0"));

        var result = SessionDescription.Parse(bytes);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal("Caf\u00e9 \u4e2d", result.Description!.SessionName);
    }

    [Fact]
    public void Invalid_UTF8_is_refused_with_its_line()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns="), 0xC3, 0x28, .. Encoding.ASCII.GetBytes("\r\nt=0 0\r\n")];

        var result = SessionDescription.Parse(bytes);

        Assert.False(result.Success);
        Assert.Equal(3, result.Error!.LineNumber);
        Assert.Contains("invalid UTF-8", result.Error.Message);
    }

    [Fact]
    public void TryParse_gives_the_description_or_the_error()
    {
        Assert.True(SessionDescription.TryParse(PeerSdps.Zoiper, out var description, out var error));
        Assert.NotNull(description);
        Assert.Null(error);

        Assert.False(SessionDescription.TryParse("v=0\r\n", out description, out error));
        Assert.Null(description);
        Assert.Equal("line 2: the description ends before its o= line", error.ToString());
    }

    private static MediaDescription ParseMedia(string mediaLines) =>
        SdpText.Parse(SdpText.Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n" + mediaLines)).Media[0];
}
