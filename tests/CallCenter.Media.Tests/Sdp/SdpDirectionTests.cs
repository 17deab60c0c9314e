using CallCenter.Media.Sdp;

namespace CallCenter.Media.Tests.Sdp;

/// <summary>Direction arithmetic of RFC 3264 §6.1.</summary>
public class SdpDirectionTests
{
    [Theory]
    [InlineData(SdpDirection.SendRecv, SdpDirection.SendRecv, true, true, "sendrecv")]
    [InlineData(SdpDirection.SendOnly, SdpDirection.RecvOnly, true, false, "sendonly")]
    [InlineData(SdpDirection.RecvOnly, SdpDirection.SendOnly, false, true, "recvonly")]
    [InlineData(SdpDirection.Inactive, SdpDirection.Inactive, false, false, "inactive")]
    public void Each_direction_reverses_and_names_itself(SdpDirection direction, SdpDirection reversed, bool send, bool receive, string name)
    {
        Assert.Equal(reversed, direction.Reverse());
        Assert.Equal((send, receive), (direction.CanSend(), direction.CanReceive()));
        Assert.Equal(name, direction.ToAttributeName());
        Assert.True(SdpDirectionExtensions.TryParseAttributeName(name.ToUpperInvariant(), out var parsed));
        Assert.Equal(direction, parsed);
        Assert.Equal(direction, SdpDirectionExtensions.From(send, receive));
    }

    [Theory]
    [InlineData(SdpDirection.SendRecv, SdpDirection.SendOnly, SdpDirection.SendOnly)]
    [InlineData(SdpDirection.SendOnly, SdpDirection.RecvOnly, SdpDirection.Inactive)]
    [InlineData(SdpDirection.RecvOnly, SdpDirection.SendRecv, SdpDirection.RecvOnly)]
    [InlineData(SdpDirection.Inactive, SdpDirection.SendRecv, SdpDirection.Inactive)]
    public void Intersection_allows_only_what_both_allow(SdpDirection a, SdpDirection b, SdpDirection both)
    {
        Assert.Equal(both, a.Intersect(b));
        Assert.Equal(both, b.Intersect(a));
    }

    [Fact]
    public void Other_names_are_not_directions()
    {
        Assert.False(SdpDirectionExtensions.TryParseAttributeName("send", out _));
    }
}
