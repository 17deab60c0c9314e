using System.Text;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Core.Support;
using static CallCenter.Sip.Tests.Core.Support.CallerCalls;

namespace CallCenter.Sip.Tests.Core;

/// <summary>
/// RFC 4028 on calls we answer, through the whole stack on a fake clock: the 2xx names the timer (§9), too short or
/// malformed requests are refused before the application sees them (§6), the caller's refreshes are accepted and
/// restart the interval, and a caller whose refresh never comes is hung up before the interval ends (§10).
/// </summary>
public sealed class UserAgentCoreSessionTimerUasTests
{
    private const string AsksForTimer = "Supported: timer\r\nSession-Expires: 90;refresher=uac\r\n";

    [Fact]
    public async Task An_INVITE_asking_for_a_session_timer_is_answered_with_it_and_Require_timer()
    {
        await using var harness = await CoreHarness.StartAsync();
        AcceptingHandler(harness);
        var caller = harness.NewPhone("0917");

        var (_, ok) = await CallAsync(caller, AsksForTimer);

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("90;refresher=uac", ok.Headers[KnownHeader.SessionExpires]);
        Assert.Equal("timer", ok.Headers[KnownHeader.Require]);
        Assert.Equal("timer", ok.Headers[KnownHeader.Supported]);
    }

    [Fact]
    public async Task An_INVITE_that_only_supports_timers_gets_our_interval_with_the_caller_refreshing()
    {
        await using var harness = await CoreHarness.StartAsync();
        AcceptingHandler(harness);

        var (_, ok) = await CallAsync(harness.NewPhone("0917"), "Supported: timer\r\n");

        Assert.Equal("1800;refresher=uac", ok.Headers[KnownHeader.SessionExpires]);
        Assert.Equal("timer", ok.Headers[KnownHeader.Require]);
    }

    [Fact]
    public async Task An_INVITE_without_session_timers_gets_none()
    {
        await using var harness = await CoreHarness.StartAsync();
        AcceptingHandler(harness);

        var (_, ok) = await CallAsync(harness.NewPhone("0917"));

        Assert.False(ok.Headers.Contains(KnownHeader.SessionExpires));
        Assert.False(ok.Headers.Contains(KnownHeader.Require));
        Assert.Equal("timer", ok.Headers[KnownHeader.Supported]);
    }

    [Fact]
    public async Task A_too_short_interval_gets_422_with_Min_SE_and_the_application_never_sees_the_call()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = AcceptingHandler(harness);
        var caller = harness.NewPhone("0917");

        var (invite, refusal) = await CallAsync(caller, "Supported: timer\r\nSession-Expires: 30\r\n");
        caller.Phone.Send(caller.Ack(invite, refusal));

        Assert.Equal(422, refusal.StatusCode);
        Assert.Equal("Session Interval Too Small", refusal.ReasonPhrase);
        Assert.Equal("90", refusal.Headers[KnownHeader.MinSE]);
        await caller.Phone.AssertNothingSentAsync();
        Assert.Empty(handler.Events);
    }

    [Fact]
    public async Task A_malformed_Session_Expires_gets_400_saying_what_is_wrong()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = AcceptingHandler(harness);

        var (_, refusal) = await CallAsync(harness.NewPhone("0917"), "Session-Expires: 90;refresher=nobody\r\n");

        Assert.Equal(400, refusal.StatusCode);
        Assert.Equal("Session-Expires refresher must be uac or uas", refusal.ReasonPhrase);
        Assert.Empty(handler.Events);
    }

    [Fact]
    public async Task When_the_caller_never_refreshes_the_dialog_is_ended_with_BYE_at_the_interval_less_a_third()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = AcceptingHandler(harness);
        var caller = harness.NewPhone("0917");
        var (invite, ok) = await AnsweredAsync(caller, AsksForTimer);
        await caller.Phone.SyncAsync();

        harness.RunFor(TimeSpan.FromSeconds(59));
        await caller.Phone.AssertNothingSentAsync();
        harness.RunFor(TimeSpan.FromSeconds(1));
        var bye = await caller.Phone.ReceiveRequestAsync();

        Assert.Equal((SipMethods.Bye, invite.CallId), (bye.Method, bye.CallId));
        Assert.Equal(ok.To!.Tag, bye.From!.Tag);
        Assert.Equal(["invite ", "ack", "ended session expired"], handler.Events);
        Assert.Equal(0, harness.Core.Dialogs.Count);
    }

    [Theory]
    [InlineData(SipMethods.Update)]
    [InlineData(SipMethods.Invite)]
    public async Task A_refresh_from_the_caller_is_answered_with_the_interval_and_restarts_it(string method)
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = AcceptingHandler(harness);
        var caller = harness.NewPhone("0917");
        var (invite, ok) = await AnsweredAsync(caller, AsksForTimer);
        await caller.Phone.SyncAsync();

        harness.RunFor(TimeSpan.FromSeconds(40));
        var refresh = caller.InDialog(method, invite, ok, cseq: 2, extraHeaders: AsksForTimer, body: method == SipMethods.Invite ? Softphone.Sdp : null);
        var refreshed = await caller.Phone.SendAndGetFinalAsync(refresh);
        if (method == SipMethods.Invite)
        {
            caller.Phone.Send(caller.Ack(refresh, refreshed));
            await caller.Phone.SyncAsync();
        }

        harness.RunFor(TimeSpan.FromSeconds(59));
        await caller.Phone.AssertNothingSentAsync();
        harness.RunFor(TimeSpan.FromSeconds(1));
        var bye = await caller.Phone.ReceiveRequestAsync();

        Assert.Equal(200, refreshed.StatusCode);
        Assert.Equal("90;refresher=uac", refreshed.Headers[KnownHeader.SessionExpires]);
        Assert.Equal("timer", refreshed.Headers[KnownHeader.Require]);
        Assert.True(refreshed.Headers.Contains(KnownHeader.Contact));
        Assert.Equal(SipMethods.Bye, bye.Method);
        Assert.Equal("ended session expired", handler.Events[^1]);
    }

    [Fact]
    public async Task A_refresh_that_negotiates_no_timer_stops_it()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = AcceptingHandler(harness);
        var caller = harness.NewPhone("0917");
        var (invite, ok) = await AnsweredAsync(caller, AsksForTimer);

        var update = await caller.Phone.SendAndGetFinalAsync(caller.InDialog(SipMethods.Update, invite, ok, cseq: 2));
        harness.RunFor(TimeSpan.FromSeconds(120));

        Assert.Equal(200, update.StatusCode);
        Assert.False(update.Headers.Contains(KnownHeader.SessionExpires));
        await caller.Phone.AssertNothingSentAsync();
        Assert.DoesNotContain("ended session expired", handler.Events);
    }

    [Fact]
    public async Task A_refresh_with_too_short_an_interval_gets_422_and_leaves_the_running_timer_alone()
    {
        await using var harness = await CoreHarness.StartAsync();
        AcceptingHandler(harness);
        var caller = harness.NewPhone("0917");
        var (invite, ok) = await AnsweredAsync(caller, AsksForTimer);
        await caller.Phone.SyncAsync();

        harness.RunFor(TimeSpan.FromSeconds(30));
        var refusal = await caller.Phone.SendAndGetFinalAsync(caller.InDialog(SipMethods.Update, invite, ok, cseq: 2, extraHeaders: "Session-Expires: 60\r\n"));
        harness.RunFor(TimeSpan.FromSeconds(30));
        var bye = await caller.Phone.ReceiveRequestAsync();

        Assert.Equal((422, "90"), (refusal.StatusCode, refusal.Headers[KnownHeader.MinSE]));
        Assert.Equal(SipMethods.Bye, bye.Method);
    }

    [Fact]
    public async Task When_the_caller_wants_us_to_refresh_an_UPDATE_goes_at_half_the_interval_if_it_allows_UPDATE()
    {
        await using var harness = await CoreHarness.StartAsync();
        AcceptingHandler(harness);
        var caller = harness.NewPhone("0917");
        var (invite, ok) = await AnsweredAsync(caller, AllowWithUpdate + "Supported: timer\r\nSession-Expires: 90;refresher=uas\r\n");
        await caller.Phone.SyncAsync();

        harness.RunFor(TimeSpan.FromSeconds(44));
        await caller.Phone.AssertNothingSentAsync();
        harness.RunFor(TimeSpan.FromSeconds(1));
        var first = await caller.Phone.ReceiveRequestAsync();
        caller.Phone.Send(caller.Answer(first, 200, toTag: null, extraHeaders: "Session-Expires: 90;refresher=uac\r\nRequire: timer\r\n"));
        await caller.Phone.SyncAsync();
        harness.RunFor(TimeSpan.FromSeconds(45));
        var second = await caller.Phone.ReceiveRequestAsync();

        Assert.Equal("90;refresher=uas", ok.Headers[KnownHeader.SessionExpires]);
        Assert.Equal(SipMethods.Update, first.Method);
        Assert.Equal(new CSeqHeader(1, SipMethods.Update), first.CSeq);
        Assert.Equal((ok.To!.Tag, invite.From!.Tag), (first.From!.Tag, first.To!.Tag));
        Assert.Equal(caller.ContactUri, first.RequestUriText);
        Assert.Equal("90;refresher=uac", first.Headers[KnownHeader.SessionExpires]);
        Assert.Equal("90", first.Headers[KnownHeader.MinSE]);
        Assert.Equal("timer", first.Headers[KnownHeader.Supported]);
        Assert.True(first.Body.IsEmpty);
        Assert.Equal((SipMethods.Update, 2L), (second.Method, second.CSeq!.Number));
    }

    [Fact]
    public async Task Without_UPDATE_the_refresh_is_a_re_INVITE_offering_our_last_SDP_and_its_2xx_is_acknowledged()
    {
        await using var harness = await CoreHarness.StartAsync();
        AcceptingHandler(harness);
        var caller = harness.NewPhone("0917");
        var (_, ok) = await AnsweredAsync(caller, "Supported: timer\r\nSession-Expires: 120;refresher=uas\r\n");
        await caller.Phone.SyncAsync();

        harness.RunFor(TimeSpan.FromSeconds(60));
        var reInvite = await caller.Phone.ReceiveRequestAsync();
        var answer = caller.Answer(reInvite, 200, toTag: null, extraHeaders: $"Contact: <{caller.ContactUri}>\r\nSession-Expires: 120;refresher=uac\r\n", body: Softphone.Sdp);
        caller.Phone.Send(answer);
        var ack = await caller.Phone.ReceiveRequestAsync();
        caller.Phone.Send(answer);
        var ackAgain = await caller.Phone.ReceiveRequestAsync();

        Assert.Equal(SipMethods.Invite, reInvite.Method);
        Assert.Equal("application/sdp", reInvite.ContentType);
        Assert.Equal(Encoding.UTF8.GetString(ok.Body.Span), Encoding.UTF8.GetString(reInvite.Body.Span));
        Assert.Equal("120;refresher=uac", reInvite.Headers[KnownHeader.SessionExpires]);
        Assert.True(reInvite.Headers.Contains(KnownHeader.Contact));
        Assert.Equal(new CSeqHeader(reInvite.CSeq!.Number, SipMethods.Ack), ack.CSeq);
        Assert.NotEqual(reInvite.TopVia!.Branch, ack.TopVia!.Branch);
        Assert.Equal(ack.ToString(), ackAgain.ToString());
    }

    [Theory]
    [InlineData(481)]
    [InlineData(408)]
    public async Task A_refresh_answered_481_or_408_ends_the_dialog_with_BYE(int status)
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = AcceptingHandler(harness);
        var caller = harness.NewPhone("0917");
        await AnsweredAsync(caller, AllowWithUpdate + "Supported: timer\r\nSession-Expires: 90;refresher=uas\r\n");
        await caller.Phone.SyncAsync();

        harness.RunFor(TimeSpan.FromSeconds(45));
        var update = await caller.Phone.ReceiveRequestAsync();
        caller.Phone.Send(caller.Answer(update, status, toTag: null));
        var bye = await caller.Phone.ReceiveMatchingAsync<SipRequest>(r => r.Method == SipMethods.Bye);

        Assert.Equal(SipMethods.Bye, bye.Method);
        Assert.Equal("ended session expired", handler.Events[^1]);
    }

    [Fact]
    public async Task A_refresh_answered_422_is_sent_again_with_the_Min_SE_it_names()
    {
        await using var harness = await CoreHarness.StartAsync();
        AcceptingHandler(harness);
        var caller = harness.NewPhone("0917");
        await AnsweredAsync(caller, AllowWithUpdate + "Supported: timer\r\nSession-Expires: 90;refresher=uas\r\n");
        await caller.Phone.SyncAsync();

        harness.RunFor(TimeSpan.FromSeconds(45));
        var first = await caller.Phone.ReceiveRequestAsync();
        caller.Phone.Send(caller.Answer(first, 422, toTag: null, extraHeaders: "Min-SE: 300\r\n"));
        var second = await caller.Phone.ReceiveMatchingAsync<SipRequest>(r => r.Method == SipMethods.Update);

        Assert.Equal("300;refresher=uac", second.Headers[KnownHeader.SessionExpires]);
        Assert.Equal(first.CSeq!.Number + 1, second.CSeq!.Number);
    }
}
