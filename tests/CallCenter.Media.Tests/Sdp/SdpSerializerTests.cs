using System.Net;
using System.Text;
using CallCenter.Media.Sdp;
using CallCenter.Media.Tests.Sdp.Vectors;

namespace CallCenter.Media.Tests.Sdp;

/// <summary>Serialisation writes canonical SDP text that parses back to an equal description.</summary>
public class SdpSerializerTests
{
    public static TheoryData<string> CanonicalVectors()
    {
        var data = new TheoryData<string>();
        foreach (var name in PeerSdps.All.Keys)
        {
            data.Add("peer:" + name);
        }

        foreach (var name in Rfc4317Examples.All.Keys)
        {
            data.Add("rfc4317:" + name);
        }

        foreach (var name in new[] { "active", "hold", "resume", "old-style", "inactive", "session-level" })
        {
            data.Add("hold:" + name);
        }

        return data;
    }

    internal static string Vector(string key)
    {
        var (set, name) = (key[..key.IndexOf(':')], key[(key.IndexOf(':') + 1)..]);
        return set switch
        {
            "peer" => PeerSdps.All[name],
            "rfc4317" => Rfc4317Examples.All[name],
            _ => name switch
            {
                "active" => HoldSdps.LinphoneActive,
                "hold" => HoldSdps.LinphoneHold,
                "resume" => HoldSdps.LinphoneResume,
                "old-style" => HoldSdps.OldStyleHold,
                "inactive" => HoldSdps.Inactive,
                _ => HoldSdps.SessionLevelSendOnly,
            },
        };
    }

    [Theory]
    [MemberData(nameof(CanonicalVectors))]
    public void Real_descriptions_are_written_back_byte_for_byte(string key)
    {
        var text = Vector(key);

        Assert.Equal(text, SdpText.Parse(text).ToString());
    }

    [Theory]
    [MemberData(nameof(CanonicalVectors))]
    public void Parsing_the_serialised_text_gives_an_equal_description(string key)
    {
        var description = SdpText.Parse(Vector(key));

        var again = SdpText.Parse(description.ToString());

        Assert.Equal(description, again);
        Assert.Equal(description.GetHashCode(), again.GetHashCode());
    }

    [Fact]
    public void A_description_built_in_code_is_written_in_RFC_4566_order_with_CRLF()
    {
        var description = new SessionDescription
        {
            Origin = new SdpOrigin("-", "42", 7, SdpAddressType.Ip4, "192.0.2.10"),
            SessionName = "CallCenter",
            Connection = SdpConnection.For(IPAddress.Parse("192.0.2.10")),
            Attributes = [new GenericAttribute("tool", "callcenter")],
            Media =
            [
                new MediaDescription
                {
                    Media = "audio", Port = 40000, Formats = ["0", "101"],
                    Bandwidths = [new SdpBandwidth("AS", 64)],
                    Attributes =
                    [
                        new RtpMapAttribute(0, "PCMU", 8000), new RtpMapAttribute(101, "telephone-event", 8000),
                        new FmtpAttribute("101", "0-16"), new PtimeAttribute(20), new MaxPtimeAttribute(40),
                        new RtcpAttribute(40003, new SdpConnection(SdpAddressType.Ip4, "192.0.2.11")),
                        new DirectionAttribute(SdpDirection.SendOnly), new GenericAttribute("rtcp-mux"),
                    ],
                },
            ],
        };

        Assert.Equal(
            SdpText.Crlf("""
                v=0
                o=- 42 7 IN IP4 192.0.2.10
                s=CallCenter
                c=IN IP4 192.0.2.10
                t=0 0
                a=tool:callcenter
                m=audio 40000 RTP/AVP 0 101
                b=AS:64
                a=rtpmap:0 PCMU/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-16
                a=ptime:20
                a=maxptime:40
                a=rtcp:40003 IN IP4 192.0.2.11
                a=sendonly
                a=rtcp-mux
                """),
            description.ToString());
    }

    [Fact]
    public void Lenient_input_is_written_canonically()
    {
        var text = "v=0\no=- 1 1 in ip4 192.0.2.1 \ns=-\nt=0 0\nb=AS:64\nc=IN IP4 192.0.2.1\nm=audio 5000 RTP/AVP 0\na=SendOnly\na=rtpmap:0 PCMU/8000 \n";

        Assert.Equal(
            SdpText.Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nb=AS:64\nt=0 0\nm=audio 5000 RTP/AVP 0\na=sendonly\na=rtpmap:0 PCMU/8000"),
            SdpText.Parse(text).ToString());
    }

    [Fact]
    public void Multicast_suffixes_and_port_counts_are_written_back()
    {
        var text = SdpText.Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 224.2.1.1/127/3\nt=0 0\nm=video 49170/2 RTP/AVP 31\nc=IN IP6 ff15::101/3");

        Assert.Equal(text, SdpText.Parse(text).ToString());
    }

    [Fact]
    public void A_field_with_a_line_break_cannot_be_written()
    {
        var description = SdpText.Parse(PeerSdps.SippUac) with { SessionName = "evil\r\na=injected" };

        Assert.Throws<ArgumentException>(() => description.ToString());
    }

    [Fact]
    public void ToBytes_is_UTF8()
    {
        var description = SdpText.Parse(PeerSdps.SippUac) with { SessionName = "Caf\u00e9" };

        Assert.Equal(Encoding.UTF8.GetBytes(description.ToString()), description.ToBytes());
        Assert.Equal(description, SessionDescription.Parse(description.ToBytes()).Description);
    }

    [Fact]
    public void Equality_sees_every_list_element()
    {
        var description = SdpText.Parse(PeerSdps.Linphone);
        var media = description.Media[0];

        Assert.NotEqual(description, description with { Media = [media with { Attributes = media.Attributes.Take(3).ToArray() }] });
        Assert.NotEqual(description, description with { Media = [media with { Formats = ["0"] }] });
        Assert.NotEqual(description, description with { Timings = [new SdpTiming(0, 0) { Repeats = ["1d 1h 0"] }] });
        Assert.NotEqual(description, description with { Emails = ["a@example.com"] });
        Assert.Equal(description, description with { Media = [media with { Formats = [.. media.Formats] }] });
    }
}
