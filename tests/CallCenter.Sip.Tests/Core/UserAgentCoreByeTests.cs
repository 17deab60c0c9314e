using System.Text;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Core.Support;
using static CallCenter.Sip.Tests.Core.Support.OutgoingCalls;

namespace CallCenter.Sip.Tests.Core;

/// <summary>Requests in dialogs we created as UAC: BYE (§15.1), INFO and re-INVITE (§12.2.1), and the agent's BYE.</summary>
public sealed class UserAgentCoreByeTests
{
    private static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task SendByeAsync_ends_the_dialog_and_completes_with_the_answer()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = new RecordingInviteHandler();
        harness.Core.InviteHandler = handler;
        var agent = harness.NewPhone("1002");
        var dialog = await EstablishedCallAsync(harness, agent);

        var byeTask = harness.Core.SendByeAsync(dialog);
        var bye = await agent.Phone.ReceiveRequestAsync();
        Assert.Equal(DialogState.Terminated, dialog.State);
        agent.Phone.Send(agent.Answer(bye, 200, toTag: null));
        var answer = await byeTask.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SipMethods.Bye, bye.Method);
        Assert.Equal(new CSeqHeader(2, SipMethods.Bye), bye.CSeq);
        Assert.Equal(dialog.Id.LocalTag, bye.From!.Tag);
        Assert.Equal(dialog.Id.RemoteTag, bye.To!.Tag);
        Assert.Equal(200, answer!.StatusCode);
        Assert.Equal(0, harness.Core.Dialogs.Count);
        Assert.Equal(["ended BYE sent"], handler.Events);

        Assert.Null(await harness.Core.SendByeAsync(dialog));
        await agent.Phone.AssertNothingSentAsync();
    }

    [Fact]
    public async Task SendByeAsync_completes_with_null_when_the_peer_never_answers()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        var dialog = await EstablishedCallAsync(harness, agent);

        var byeTask = harness.Core.SendByeAsync(dialog);
        await agent.Phone.ReceiveRequestAsync();
        harness.RunFor(64 * T1);

        Assert.Null(await byeTask.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task SendInDialogAsync_sends_the_next_CSeq_with_the_body()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        var dialog = await EstablishedCallAsync(harness, agent);

        var infoTask = harness.Core.SendInDialogAsync(dialog, SipMethods.Info, Encoding.UTF8.GetBytes("Signal=5\r\nDuration=160\r\n"), "application/dtmf-relay");
        var info = await agent.Phone.ReceiveRequestAsync();
        agent.Phone.Send(agent.Answer(info, 100));
        agent.Phone.Send(agent.Answer(info, 200, toTag: null));

        Assert.Equal(new CSeqHeader(2, SipMethods.Info), info.CSeq);
        Assert.Equal("application/dtmf-relay", info.ContentType);
        Assert.False(info.Headers.Contains(KnownHeader.Contact));
        Assert.Equal(200, (await infoTask.WaitAsync(TimeSpan.FromSeconds(10)))!.StatusCode);
        Assert.Equal(DialogState.Confirmed, dialog.State);
    }

    [Fact]
    public async Task A_re_INVITE_we_send_carries_our_Contact()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        var dialog = await EstablishedCallAsync(harness, agent);

        _ = harness.Core.SendInDialogAsync(dialog, SipMethods.Invite, Encoding.UTF8.GetBytes(Softphone.Sdp), "application/sdp");
        var reInvite = await agent.Phone.ReceiveRequestAsync();

        Assert.Equal(SipMethods.Invite, reInvite.Method);
        Assert.Equal(dialog.Id.RemoteTag, reInvite.To!.Tag);
        Assert.Equal($"<sip:callcenter@127.0.0.1:{harness.ServerEndPoint.Port}>", reInvite.Headers[KnownHeader.Contact]);
    }

    [Fact]
    public async Task A_BYE_from_the_agent_ends_a_call_we_placed()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = new RecordingInviteHandler();
        harness.Core.InviteHandler = handler;
        var agent = harness.NewPhone("1002");
        var dialog = await EstablishedCallAsync(harness, agent);

        var bye = agent.Request(SipMethods.Bye, $"sip:callcenter@127.0.0.1:{harness.ServerEndPoint.Port}", dialog.Id.CallId, 1,
            $"<sip:queue-support@callcenter.test>;tag={dialog.Id.LocalTag}", fromTag: dialog.Id.RemoteTag);
        var answer = await agent.Phone.SendAndGetFinalAsync(bye);

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(["ended BYE from peer"], handler.Events);
        Assert.Equal(DialogState.Terminated, dialog.State);
    }
}
