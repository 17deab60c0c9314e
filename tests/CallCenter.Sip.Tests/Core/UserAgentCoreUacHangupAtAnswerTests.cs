using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Core.Support;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Core;

/// <summary>
/// Ending a call we placed at the very instant it is answered: once the 2xx is in, the dialog exists and a BYE may be
/// sent (RFC 3261 §13.2.2.4, §15). The application hears of the answer before the ACK leaves; whatever it sends in the
/// dialog meanwhile goes out right after the ACK.
/// </summary>
public sealed class UserAgentCoreUacHangupAtAnswerTests
{
    [Fact]
    public async Task A_BYE_sent_while_the_application_hears_of_the_answer_follows_the_ACK()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = new RecordingInviteHandler();
        harness.Core.InviteHandler = handler;
        var agent = harness.NewPhone("1002");
        Task<SipResponse?>? bye = null;
        var call = Call(harness, agent, (dialog, _) => bye = harness.Core.SendByeAsync(dialog));
        var invite = await agent.Phone.ReceiveRequestAsync();

        agent.Phone.Send(agent.Answer(invite, 200, extraHeaders: $"Contact: <{agent.ContactUri}>\r\n"));
        var ack = await agent.Phone.ReceiveRequestAsync();
        var byeRequest = await agent.Phone.ReceiveRequestAsync();
        agent.Phone.Send(agent.Answer(byeRequest, 200));

        Assert.Equal((SipMethods.Ack, 1L), (ack.Method, ack.CSeq!.Number));
        Assert.Equal((SipMethods.Bye, 2L, "callee-tag"), (byeRequest.Method, byeRequest.CSeq!.Number, byeRequest.To!.Tag));
        Assert.Equal(invite.CallId, byeRequest.CallId);
        Assert.NotNull(bye);
        Assert.Equal(200, (await bye.WaitAsync(TimeSpan.FromSeconds(10)))?.StatusCode);
        Assert.True((await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10))).IsAnswered);
        Assert.Equal(["ended BYE sent"], handler.Events);
        Assert.Equal(0, harness.Core.Dialogs.Count);
    }

    [Fact]
    public async Task A_BYE_from_another_thread_while_the_application_hears_of_the_answer_is_sent_once_after_the_ACK()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = new RecordingInviteHandler();
        harness.Core.InviteHandler = handler;
        var agent = harness.NewPhone("1002");
        Task<SipResponse?>? bye = null;
        Task<SipResponse?>? secondBye = null;
        Call(harness, agent, (dialog, _) =>
        {
            // The call's own executor hangs up as soon as it hears "answered", while the core is still in this callback.
            Task.Run(() => { bye = harness.Core.SendByeAsync(dialog); }).GetAwaiter().GetResult();
            secondBye = harness.Core.SendByeAsync(dialog);
        });
        var invite = await agent.Phone.ReceiveRequestAsync();

        agent.Phone.Send(agent.Answer(invite, 200, extraHeaders: $"Contact: <{agent.ContactUri}>\r\n"));
        var ack = await agent.Phone.ReceiveRequestAsync();
        var byeRequest = await agent.Phone.ReceiveRequestAsync();
        agent.Phone.Send(agent.Answer(byeRequest, 200));

        Assert.Equal(SipMethods.Ack, ack.Method);
        Assert.Equal(SipMethods.Bye, byeRequest.Method);
        Assert.Equal(200, (await bye!.WaitAsync(TimeSpan.FromSeconds(10)))?.StatusCode);
        Assert.Null(await secondBye!.WaitAsync(TimeSpan.FromSeconds(10)));
        await agent.Phone.AssertNothingSentAsync();
        Assert.Equal(["ended BYE sent"], handler.Events);
    }

    [Fact]
    public async Task A_BYE_after_the_ACK_leaves_at_once()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        var dialog = await OutgoingCalls.EstablishedCallAsync(harness, agent);

        var bye = harness.Core.SendByeAsync(dialog);
        var byeRequest = await agent.Phone.ReceiveRequestAsync();
        agent.Phone.Send(agent.Answer(byeRequest, 200));

        Assert.Equal((SipMethods.Bye, 2L), (byeRequest.Method, byeRequest.CSeq!.Number));
        Assert.Equal(200, (await bye.WaitAsync(TimeSpan.FromSeconds(10)))?.StatusCode);
    }

    private static OutgoingInvite Call(CoreHarness harness, Softphone agent, Action<Dialog, SipResponse> onAnswered) =>
        harness.Core.Invite(
            SipUri.Parse(agent.ContactUri),
            NameAddress.Parse($"<{agent.Aor}>"),
            NameAddress.Parse("<sip:queue-support@callcenter.test>"),
            new SipRemote(SipTransportKind.Udp, agent.Phone.EndPoint),
            onAnswered: onAnswered);
}
