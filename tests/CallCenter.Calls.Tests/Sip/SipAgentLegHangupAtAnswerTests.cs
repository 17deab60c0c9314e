using CallCenter.Calls.Legs;
using CallCenter.Calls.Sip;
using CallCenter.Calls.Tests.Sip.Support;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Calls.Tests.Sip;

/// <summary>
/// An agent or trunk leg hung up the instant it reports "answered" (the caller hung up meanwhile, a transfer moved on):
/// the 2xx made the dialog, so the leg ends it with a BYE that follows our ACK (RFC 3261 §13.2.2.4, §15), and nothing
/// of the dialog is left behind.
/// </summary>
public sealed class SipAgentLegHangupAtAnswerTests
{
    [Fact]
    public async Task A_leg_hung_up_from_its_answered_event_sends_BYE_after_the_ACK()
    {
        await using var harness = await CallManagerHarness.StartAsync();

        var (invite, sent, events) = await AnswerAndHangUpAsync(harness, leg => leg.Hangup());

        Assert.Equal([SipMethods.Ack, SipMethods.Bye], sent.Select(m => m.Method));
        Assert.Equal("agent-tag", sent[1].To!.Tag);
        Assert.IsType<AgentLegEvent.Answered>(Assert.Single(events));
        Assert.Equal(0, harness.Core.Dialogs.Count);
        Assert.Null(harness.Manager.LegDialer.Find(new DialogId(invite.CallId!, invite.From!.Tag!, "agent-tag")));
    }

    [Fact]
    public async Task A_leg_hung_up_from_another_thread_as_it_reports_answered_sends_BYE_after_the_ACK()
    {
        await using var harness = await CallManagerHarness.StartAsync();

        // The call's executor runs the hang-up on a pool thread while the core is still reporting the answer.
        var (_, sent, _) = await AnswerAndHangUpAsync(harness, leg => Task.Run(leg.Hangup).GetAwaiter().GetResult());

        Assert.Equal([SipMethods.Ack, SipMethods.Bye], sent.Select(m => m.Method));
        Assert.Equal(0, harness.Core.Dialogs.Count);
    }

    /// <summary>
    /// Dials the agent's phone, which answers; <paramref name="hangUp"/> runs on the leg as it reports "answered". Returns
    /// the INVITE, the next two requests the phone got (in the order they left; the BYE answered 200) and the leg's events.
    /// </summary>
    private static async Task<(SipRequest Invite, IReadOnlyList<SipRequest> Sent, IReadOnlyList<AgentLegEvent> Events)> AnswerAndHangUpAsync(
        CallManagerHarness harness, Action<IAgentLeg> hangUp)
    {
        var events = new List<AgentLegEvent>();
        IAgentLeg? leg = null;
        leg = harness.Manager.LegDialer.Dial(AgentTarget(harness), "Customer", "v=0 caller-offer", e =>
        {
            events.Add(e);
            if (e is AgentLegEvent.Answered)
            {
                hangUp(leg!);
            }
        });

        var invite = await harness.Agent.ReceiveRequestAsync(SipMethods.Invite);
        harness.Agent.Send(AgentOk(harness, invite));
        var first = await harness.Agent.ReceiveAsync<SipRequest>();
        var second = await harness.Agent.ReceiveAsync<SipRequest>();
        harness.Agent.Send(CallManagerHarness.Ok(second));
        await harness.Agent.SyncAsync();
        return (invite, [first, second], events);
    }

    private static AgentTarget AgentTarget(CallManagerHarness harness) =>
        new("1001", "Agent", SipUri.Parse($"sip:1001@{harness.Agent.HostPort}"), new SipRemote(SipTransportKind.Udp, harness.Agent.EndPoint));

    private static SipResponse AgentOk(CallManagerHarness harness, SipRequest invite)
    {
        var ok = ResponseFactory.Create(invite, 200, null, "agent-tag");
        ok.Headers.Add(KnownHeader.Contact, harness.Agent.Contact);
        ok.Headers.Add(KnownHeader.ContentType, "application/sdp");
        ok.Body = "v=0 agent-answer"u8.ToArray();
        return ok;
    }
}
