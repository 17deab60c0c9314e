using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Core.Support;
using static CallCenter.Sip.Tests.Core.Support.OutgoingCalls;

namespace CallCenter.Sip.Tests.Core;

/// <summary>
/// RFC 4028 on calls we place (to an agent's phone): our INVITE says we support timers (§7.1), and the timer the
/// phone's 2xx settles (§7.2) is run: our refreshes when it makes us the refresher, a BYE when its own never come.
/// </summary>
public sealed class UserAgentCoreSessionTimerUacTests
{
    [Fact]
    public async Task Our_INVITE_says_we_support_session_timers()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");

        PlaceCall(harness, agent);
        var invite = await agent.Phone.ReceiveRequestAsync();

        Assert.Equal("timer", invite.Headers[KnownHeader.Supported]);
        Assert.False(invite.Headers.Contains(KnownHeader.SessionExpires));
    }

    [Fact]
    public async Task A_phone_that_makes_us_the_refresher_gets_our_refreshes_at_half_the_interval()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        var call = PlaceCall(harness, agent);
        var invite = await agent.Phone.ReceiveRequestAsync();

        agent.Phone.Send(agent.Answer(invite, 200, extraHeaders: $"Contact: <{agent.ContactUri}>\r\nAllow: INVITE, ACK, BYE, UPDATE\r\nRequire: timer\r\nSession-Expires: 100;refresher=uac\r\n"));
        await agent.Phone.ReceiveRequestAsync();
        var dialog = (await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10))).Dialog!;
        harness.RunFor(TimeSpan.FromSeconds(49));
        await agent.Phone.AssertNothingSentAsync();
        harness.RunFor(TimeSpan.FromSeconds(1));
        var update = await agent.Phone.ReceiveRequestAsync();

        Assert.Equal(SipMethods.Update, update.Method);
        Assert.Equal((dialog.Id.LocalTag, dialog.Id.RemoteTag), (update.From!.Tag, update.To!.Tag));
        Assert.Equal("100;refresher=uac", update.Headers[KnownHeader.SessionExpires]);
        Assert.Equal(new Sip.SessionTimers.SessionInterval(100, WeRefresh: true), dialog.SessionTimer!.Current);
    }

    [Fact]
    public async Task A_phone_that_refreshes_itself_but_never_does_is_hung_up()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = new RecordingInviteHandler();
        harness.Core.InviteHandler = handler;
        var agent = harness.NewPhone("1002");
        var call = PlaceCall(harness, agent);
        var invite = await agent.Phone.ReceiveRequestAsync();
        agent.Phone.Send(agent.Answer(invite, 200, extraHeaders: $"Contact: <{agent.ContactUri}>\r\nSession-Expires: 90;refresher=uas\r\n"));
        await agent.Phone.ReceiveRequestAsync();
        await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));

        harness.RunFor(TimeSpan.FromSeconds(59));
        await agent.Phone.AssertNothingSentAsync();
        harness.RunFor(TimeSpan.FromSeconds(1));
        var bye = await agent.Phone.ReceiveRequestAsync();

        Assert.Equal(SipMethods.Bye, bye.Method);
        Assert.Equal(["ended session expired"], handler.Events);
    }
}
