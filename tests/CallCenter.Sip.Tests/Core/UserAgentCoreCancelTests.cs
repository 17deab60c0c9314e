using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Core.Support;
using static CallCenter.Sip.Tests.Core.Support.OutgoingCalls;

namespace CallCenter.Sip.Tests.Core;

/// <summary>Cancelling a call we placed (RFC 3261 §9.1), including a CANCEL that crosses the answer.</summary>
public sealed class UserAgentCoreCancelTests
{
    [Fact]
    public async Task A_CANCEL_before_any_provisional_is_held_until_one_arrives()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        var provisionals = new List<int>();
        var call = PlaceCall(harness, agent, onProvisional: r => provisionals.Add(r.StatusCode));
        var invite = await agent.Phone.ReceiveRequestAsync();

        call.Cancel();
        await agent.Phone.AssertNothingSentAsync();
        agent.Phone.Send(agent.Answer(invite, 100));
        var cancel = await agent.Phone.ReceiveRequestAsync();

        Assert.Equal(SipMethods.Cancel, cancel.Method);
        Assert.Equal(invite.RequestUriText, cancel.RequestUriText);
        Assert.Equal(invite.TopVia!.ToString(), cancel.TopVia!.ToString());
        Assert.Equal(new CSeqHeader(1, SipMethods.Cancel), cancel.CSeq);
        Assert.Equal(invite.CallId, cancel.CallId);
        Assert.Equal(invite.Headers[KnownHeader.From], cancel.Headers[KnownHeader.From]);
        Assert.Equal(invite.Headers[KnownHeader.To], cancel.Headers[KnownHeader.To]);
        Assert.Empty(provisionals);

        agent.Phone.Send(agent.Answer(cancel, 200));
        agent.Phone.Send(agent.Answer(invite, 487));
        var ack = await agent.Phone.ReceiveRequestAsync();
        var outcome = await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SipMethods.Ack, ack.Method);
        Assert.Equal(487, outcome.StatusCode);
        Assert.Equal(0, harness.Core.Dialogs.Count);
    }

    [Fact]
    public async Task A_CANCEL_after_a_provisional_goes_at_once_and_only_once()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        var call = PlaceCall(harness, agent);
        var invite = await agent.Phone.ReceiveRequestAsync();
        agent.Phone.Send(agent.Answer(invite, 180));
        await agent.Phone.SyncAsync();

        call.Cancel();
        call.Cancel();
        var cancel = await agent.Phone.ReceiveRequestAsync();
        agent.Phone.Send(agent.Answer(invite, 183));

        Assert.Equal(SipMethods.Cancel, cancel.Method);
        await agent.Phone.AssertNothingSentAsync();
    }

    [Fact]
    public async Task A_CANCEL_that_crosses_the_2xx_is_followed_by_ACK_and_BYE()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = new RecordingInviteHandler();
        harness.Core.InviteHandler = handler;
        var agent = harness.NewPhone("1002");
        var call = PlaceCall(harness, agent);
        var invite = await agent.Phone.ReceiveRequestAsync();
        agent.Phone.Send(agent.Answer(invite, 180));
        await agent.Phone.SyncAsync();

        call.Cancel();
        var cancel = await agent.Phone.ReceiveRequestAsync();
        agent.Phone.Send(agent.Answer(invite, 200, extraHeaders: $"Contact: <{agent.ContactUri}>\r\n"));
        agent.Phone.Send(agent.Answer(cancel, 200));
        var ack = await agent.Phone.ReceiveRequestAsync();
        var bye = await agent.Phone.ReceiveRequestAsync();
        var outcome = await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SipMethods.Ack, ack.Method);
        Assert.Equal(SipMethods.Bye, bye.Method);
        Assert.Equal(new CSeqHeader(2, SipMethods.Bye), bye.CSeq);
        Assert.Equal("callee-tag", bye.To!.Tag);
        Assert.Equal(agent.ContactUri, bye.RequestUriText);
        Assert.True(outcome.IsAnswered);
        Assert.Equal(DialogState.Terminated, outcome.Dialog!.State);
        Assert.Equal(0, harness.Core.Dialogs.Count);
        Assert.Equal(["ended BYE sent"], handler.Events);
    }

    [Fact]
    public async Task A_CANCEL_still_held_when_the_2xx_arrives_is_never_sent()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        var call = PlaceCall(harness, agent);
        var invite = await agent.Phone.ReceiveRequestAsync();

        call.Cancel();
        agent.Phone.Send(agent.Answer(invite, 200, extraHeaders: $"Contact: <{agent.ContactUri}>\r\n"));
        var sent = await agent.Phone.SyncAsync();
        var outcome = await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([SipMethods.Ack, SipMethods.Bye], sent.OfType<SipRequest>().Select(r => r.Method));
        Assert.Equal(200, outcome.StatusCode);
    }

    [Fact]
    public async Task Cancelling_after_the_final_response_does_nothing()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        var call = PlaceCall(harness, agent);
        var invite = await agent.Phone.ReceiveRequestAsync();
        agent.Phone.Send(agent.Answer(invite, 180));
        agent.Phone.Send(agent.Answer(invite, 603));
        await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));
        await agent.Phone.SyncAsync();

        call.Cancel();

        await agent.Phone.AssertNothingSentAsync();
    }
}
