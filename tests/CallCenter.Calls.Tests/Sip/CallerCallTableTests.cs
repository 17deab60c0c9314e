using CallCenter.Calls.Sip;
using CallCenter.Calls.Tests.Sip.Support;
using CallCenter.Media.Transport;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Calls.Tests.Sip;

/// <summary>
/// The table of calls a handler answers as UAS: a call is found by its INVITE until it ends and by the dialog our 2xx
/// created; a call that cannot get media is refused 503 with Retry-After (RFC 3261 §21.5.4) and not kept.
/// </summary>
public sealed class CallerCallTableTests
{
    [Fact]
    public async Task A_call_without_media_ports_is_refused_503_with_Retry_After_and_not_kept()
    {
        await using var harness = await CallManagerHarness.StartAsync();
        var table = new CallerCallTable<SipCallerLeg>(harness.Core, NullLogger.Instance);
        harness.Core.InviteHandler = new AddingHandler(table, _ => throw new RtpPortsExhaustedException(40000, 40001, 1));

        var answer = await harness.Caller.SendAndGetFinalAsync(harness.CallerInvite("100"));

        Assert.Equal(503, answer.StatusCode);
        Assert.Equal("5", answer.Headers[KnownHeader.RetryAfter]);
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public async Task A_call_is_found_by_its_INVITE_and_once_answered_by_its_dialog_until_removed()
    {
        await using var harness = await CallManagerHarness.StartAsync();
        var (table, leg) = await AnsweredCallAsync(harness);
        var dialog = leg.Dialog!.Id;
        var foundByInvite = table.Find(leg.Invite);
        var foundByDialog = table.Find(dialog);
        table.Remove(leg, keepDialog: true);
        var afterEnd = (table.Count, table.Find(leg.Invite), table.Find(dialog));
        var removedDialog = table.RemoveDialog(dialog);

        Assert.Same(leg, foundByInvite);
        Assert.Same(leg, foundByDialog);
        Assert.Equal((0, (SipCallerLeg?)null, leg), afterEnd);
        Assert.Same(leg, removedDialog);
        Assert.Null(table.Find(dialog));
    }

    [Fact]
    public async Task Removing_an_ended_call_without_keeping_its_dialog_forgets_both_keys()
    {
        await using var harness = await CallManagerHarness.StartAsync();
        var (table, leg) = await AnsweredCallAsync(harness);

        table.Remove(leg, keepDialog: false);

        Assert.Null(table.Find(leg.Invite));
        Assert.Null(table.Find(leg.Dialog!.Id));
        Assert.Null(table.RemoveDialog(leg.Dialog.Id));
    }

    /// <summary>A table on the core whose one call, the caller's INVITE to 100, has been answered (the call is its leg).</summary>
    private static async Task<(CallerCallTable<SipCallerLeg> Table, SipCallerLeg Leg)> AnsweredCallAsync(CallManagerHarness harness)
    {
        var table = new CallerCallTable<SipCallerLeg>(harness.Core, NullLogger.Instance);
        var handler = new AddingHandler(table, leg => leg);
        harness.Core.InviteHandler = handler;
        harness.Caller.Send(harness.CallerInvite("100"));
        await harness.Caller.SyncAsync();
        var leg = Assert.IsType<SipCallerLeg>(handler.Added);
        leg.Answer("v=0 answer");
        return (table, leg);
    }

    /// <summary>Adds every INVITE to the table through <paramref name="create"/>; other events are not needed here.</summary>
    private sealed class AddingHandler(CallerCallTable<SipCallerLeg> table, Func<SipCallerLeg, SipCallerLeg> create) : IInviteHandler
    {
        public SipCallerLeg? Added { get; private set; }

        public void OnInvite(ServerTransaction invite, string? caller) => Added = table.Add(invite, caller, create);

        public void OnCancelled(ServerTransaction invite)
        {
        }

        public void OnAck(Dialog dialog, SipRequest ack)
        {
        }

        public void OnInDialogRequest(Dialog dialog, ServerTransaction transaction) =>
            transaction.Respond(transaction.CreateResponse(200));

        public void OnDialogEnded(Dialog dialog, string reason)
        {
        }
    }
}
