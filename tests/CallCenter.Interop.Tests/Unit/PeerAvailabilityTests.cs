using CallCenter.Interop.Tests.Infrastructure;

namespace CallCenter.Interop.Tests.Unit;

public sealed class PeerAvailabilityTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("false")]
    [InlineData("1")]
    public void Missing_peer_outside_ci_skips_and_names_the_peer(string? ci)
    {
        var reason = PeerAvailability.SkipReason(["sipp", "kamailio"], ci);

        Assert.NotNull(reason);
        Assert.Contains("sipp, kamailio", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData(" true ")]
    public void Missing_peer_under_ci_does_not_skip(string ci)
    {
        Assert.Null(PeerAvailability.SkipReason(["sipp"], ci));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    public void Nothing_missing_never_skips(string? ci)
    {
        Assert.Null(PeerAvailability.SkipReason([], ci));
    }

    [Fact]
    public void Program_locator_finds_sh_and_not_a_made_up_name()
    {
        Assert.NotNull(ProgramLocator.Find("sh"));
        Assert.Null(ProgramLocator.Find("no-such-program-" + Guid.NewGuid().ToString("N")));
    }
}
