using CallCenter.Calls.Routing;

namespace CallCenter.Calls.Tests.Routing;

/// <summary>What a waiting caller is told, and how the wait is rounded.</summary>
public sealed class WaitAnnouncementTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(59, 0)]
    [InlineData(60, 1)]
    [InlineData(89, 1)]
    [InlineData(90, 2)]
    [InlineData(14 * 60 + 29, 14)]
    [InlineData(15 * 60, 15)]
    [InlineData(17 * 60 + 29, 15)]
    [InlineData(17 * 60 + 30, 20)]
    [InlineData(3 * 3600, 180)]
    public void Minutes_are_rounded_to_the_minute_up_to_a_quarter_hour_and_to_five_minutes_beyond(int seconds, int spoken) =>
        Assert.Equal(spoken, WaitAnnouncement.SpokenMinutes(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Position_and_estimate_are_said_and_an_unknown_estimate_says_nothing_about_the_wait()
    {
        Assert.Equal(
            ["queue/you-are-number", "digits/3", "queue/in-line", "queue/estimated-wait", "digits/4", "time/minutes"],
            WaitAnnouncement.Keys(3, TimeSpan.FromMinutes(4), offerCallback: false));
        Assert.Equal(
            ["queue/you-are-number", "digits/1", "queue/in-line", "queue/estimated-wait", "time/less-than-a-minute", WaitAnnouncement.PressOneForCallback],
            WaitAnnouncement.Keys(1, TimeSpan.FromSeconds(20), offerCallback: true));
        Assert.Equal(["queue/you-are-number", "digits/2", "queue/in-line"], WaitAnnouncement.Keys(2, null, offerCallback: false));
    }
}
