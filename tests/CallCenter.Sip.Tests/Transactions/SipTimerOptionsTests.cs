using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Tests.Transactions;

public class SipTimerOptionsTests
{
    [Fact]
    public void Defaults_follow_rfc3261_table_4_and_rfc6026()
    {
        var options = new SipTimerOptions();

        Assert.Equal(TimeSpan.FromMilliseconds(500), options.T1);
        Assert.Equal(TimeSpan.FromSeconds(4), options.T2);
        Assert.Equal(TimeSpan.FromSeconds(5), options.T4);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.TimerA);
        Assert.Equal(TimeSpan.FromSeconds(32), options.TimerB);
        Assert.Equal(TimeSpan.FromSeconds(32), options.TimerD(reliable: false));
        Assert.Equal(TimeSpan.FromSeconds(32), options.TimerF);
        Assert.Equal(TimeSpan.FromSeconds(32), options.TimerH);
        Assert.Equal(TimeSpan.FromSeconds(5), options.TimerI(reliable: false));
        Assert.Equal(TimeSpan.FromSeconds(32), options.TimerJ(reliable: false));
        Assert.Equal(TimeSpan.FromSeconds(5), options.TimerK(reliable: false));
        Assert.Equal(TimeSpan.FromSeconds(32), options.TimerL);
        Assert.Equal(TimeSpan.FromSeconds(32), options.TimerM);
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.TryingDelay);
    }

    [Fact]
    public void Reliable_transports_have_zero_D_I_J_K()
    {
        var options = new SipTimerOptions();

        Assert.Equal(TimeSpan.Zero, options.TimerD(reliable: true));
        Assert.Equal(TimeSpan.Zero, options.TimerI(reliable: true));
        Assert.Equal(TimeSpan.Zero, options.TimerJ(reliable: true));
        Assert.Equal(TimeSpan.Zero, options.TimerK(reliable: true));
    }

    [Fact]
    public void Derived_timers_scale_with_T1()
    {
        var options = new SipTimerOptions { T1 = TimeSpan.FromSeconds(1) };

        Assert.Equal(TimeSpan.FromSeconds(64), options.TimerB);
        Assert.Equal(TimeSpan.FromSeconds(64), options.TimerJ(reliable: false));
        Assert.Equal(TimeSpan.FromSeconds(64), options.TimerM);
    }

    [Theory]
    [InlineData(0, 4000, 5000, 32000, 200)]
    [InlineData(500, 400, 5000, 32000, 200)]
    [InlineData(500, 4000, 0, 32000, 200)]
    [InlineData(500, 4000, 5000, 31000, 200)]
    [InlineData(500, 4000, 5000, 32000, 0)]
    [InlineData(500, 4000, 5000, 32000, 201)]
    public void Validate_refuses_values_the_rfc_does_not_allow(int t1, int t2, int t4, int timerD, int trying)
    {
        var options = new SipTimerOptions
        {
            T1 = TimeSpan.FromMilliseconds(t1),
            T2 = TimeSpan.FromMilliseconds(t2),
            T4 = TimeSpan.FromMilliseconds(t4),
            TimerDUnreliable = TimeSpan.FromMilliseconds(timerD),
            TryingDelay = TimeSpan.FromMilliseconds(trying),
        };

        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Fact]
    public void Branch_ids_carry_the_magic_cookie_and_are_unique()
    {
        var branches = Enumerable.Range(0, 1000).Select(_ => BranchId.New()).ToList();

        Assert.All(branches, b => Assert.StartsWith(ViaHeader.MagicCookie, b, StringComparison.Ordinal));
        Assert.All(branches, b => Assert.Equal(ViaHeader.MagicCookie.Length + 24, b.Length));
        Assert.Equal(branches.Count, branches.Distinct().Count());
    }
}
