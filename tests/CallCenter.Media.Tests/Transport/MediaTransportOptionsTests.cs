using CallCenter.Media.Transport;

namespace CallCenter.Media.Tests.Transport;

public class MediaTransportOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = new MediaTransportOptions();
        options.Validate();
        Assert.Equal(TimeSpan.FromSeconds(30), options.InactivityTimeout);
        Assert.Equal(46, options.Dscp);
    }

    [Fact]
    public void Infinite_inactivity_timeout_is_valid()
    {
        new MediaTransportOptions { InactivityTimeout = Timeout.InfiniteTimeSpan }.Validate();
    }

    public static TheoryData<Action<MediaTransportOptions>> InvalidSettings => new()
    {
        o => o.ReceiveThreads = 0,
        o => o.ReceiveThreads = 65,
        o => o.ReceiveBatchDelay = TimeSpan.FromMilliseconds(-1),
        o => o.ReceiveBatchDelay = TimeSpan.FromMilliseconds(6),
        o => o.Dscp = 64,
        o => o.Dscp = -2,
        o => o.LatchConfirmPackets = 0,
        o => o.RelatchAfterSilence = TimeSpan.FromSeconds(-1),
        o => o.SocketReceiveBufferBytes = -1,
        o => o.InactivityTimeout = TimeSpan.Zero,
        o => o.InactivityCheckInterval = TimeSpan.Zero,
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Invalid_settings_are_refused(Action<MediaTransportOptions> spoil)
    {
        var options = new MediaTransportOptions();
        spoil(options);
        Assert.Throws<ArgumentException>(options.Validate);
    }
}
