using CallCenter.Media.Rtp;

namespace CallCenter.Media.Tests.Rtp;

public class RtpPayloadTypeSetTests
{
    [Fact]
    public void Holds_exactly_its_members_on_both_halves_of_the_mask()
    {
        var set = RtpPayloadTypeSet.Of(0, 8, 63, 64, 101, 127);
        for (int payloadType = 0; payloadType < 256; payloadType++)
        {
            bool expected = payloadType is 0 or 8 or 63 or 64 or 101 or 127;
            Assert.Equal(expected, set.Contains((byte)payloadType));
        }

        Assert.Equal("{0,8,63,64,101,127}", set.ToString());
    }

    [Fact]
    public void Empty_and_all()
    {
        Assert.True(RtpPayloadTypeSet.Empty.IsEmpty);
        Assert.False(RtpPayloadTypeSet.Empty.Contains(0));
        Assert.True(RtpPayloadTypeSet.All.Contains(0));
        Assert.True(RtpPayloadTypeSet.All.Contains(127));
        Assert.False(RtpPayloadTypeSet.All.Contains(128));
        Assert.Equal(RtpPayloadTypeSet.Of(8, 0), RtpPayloadTypeSet.Of(0).With(8));
    }

    [Fact]
    public void Payload_types_above_127_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RtpPayloadTypeSet.Of(128));
    }
}
