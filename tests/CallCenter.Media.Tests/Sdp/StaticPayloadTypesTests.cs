using CallCenter.Media.Sdp;

namespace CallCenter.Media.Tests.Sdp;

/// <summary>The RFC 3551 §6 table of static payload types.</summary>
public class StaticPayloadTypesTests
{
    [Theory]
    [InlineData(0, "PCMU", 8000)]
    [InlineData(3, "GSM", 8000)]
    [InlineData(8, "PCMA", 8000)]
    [InlineData(9, "G722", 8000)]
    [InlineData(10, "L16", 44100)]
    [InlineData(13, "CN", 8000)]
    [InlineData(18, "G729", 8000)]
    [InlineData(31, "H261", 90000)]
    [InlineData(34, "H263", 90000)]
    public void Assigned_payload_types_have_their_codec(int payloadType, string name, int clockRate)
    {
        var map = StaticPayloadTypes.Lookup(payloadType)!;

        Assert.Equal((payloadType, name, clockRate), (map.PayloadType, map.EncodingName, map.ClockRate));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(19)]
    [InlineData(72)]
    [InlineData(96)]
    [InlineData(101)]
    [InlineData(127)]
    public void Reserved_unassigned_and_dynamic_payload_types_have_none(int payloadType)
    {
        Assert.Null(StaticPayloadTypes.Lookup(payloadType));
    }

    [Fact]
    public void L16_stereo_has_two_channels()
    {
        Assert.Equal(2, StaticPayloadTypes.Lookup(10)!.Channels);
        Assert.Equal(1, StaticPayloadTypes.Lookup(11)!.Channels);
    }

    [Theory]
    [InlineData(95, false)]
    [InlineData(96, true)]
    [InlineData(127, true)]
    [InlineData(128, false)]
    public void Dynamic_range_is_96_to_127(int payloadType, bool dynamic)
    {
        Assert.Equal(dynamic, StaticPayloadTypes.IsDynamic(payloadType));
    }

    [Theory]
    [InlineData(0, "pcmu", 8000, null, false)]
    [InlineData(0, "PCMU", 8000, 1, false)]
    [InlineData(0, "PCMA", 8000, null, true)]
    [InlineData(0, "PCMU", 16000, null, true)]
    [InlineData(0, "PCMU", 8000, 2, true)]
    [InlineData(14, "MPA", 90000, 2, false)]
    [InlineData(96, "anything", 1, null, false)]
    public void An_rtpmap_contradicts_only_a_different_assignment(int payloadType, string name, int clockRate, int? channels, bool contradicts)
    {
        Assert.Equal(contradicts, StaticPayloadTypes.Contradicted(new RtpMapAttribute(payloadType, name, clockRate, channels)) is not null);
    }
}
