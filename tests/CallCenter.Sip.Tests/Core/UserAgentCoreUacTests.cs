using System.Text;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Core.Support;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Core;

/// <summary>
/// Calls we place (to an agent's phone, here a socket on loopback): the INVITE (§8.1.1, §13.2.1), the ACK for a 2xx
/// (§13.2.2.4), CANCEL (§9.1) and BYE (§15.1.1).
/// </summary>
public sealed class UserAgentCoreUacTests
{
    private static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);

    private const string TwoProxies = "Record-Route: <sip:edge2.example.net;lr>\r\nRecord-Route: <sip:edge1.example.net;lr>\r\n";

    [Fact]
    public async Task The_INVITE_carries_the_headers_a_new_request_needs()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");

        PlaceCall(harness, agent, body: Encoding.UTF8.GetBytes(Softphone.Sdp), contentType: "application/sdp");
        var invite = await agent.Phone.ReceiveRequestAsync();

        Assert.Equal(SipMethods.Invite, invite.Method);
        Assert.Equal(agent.ContactUri, invite.RequestUriText);
        Assert.Equal(agent.Aor, invite.To!.Uri.ToString());
        Assert.Null(invite.To.Tag);
        Assert.Equal("sip:queue-support@callcenter.test", invite.From!.Uri.ToString());
        Assert.Equal("Support queue", invite.From.DisplayName);
        Assert.False(string.IsNullOrEmpty(invite.From.Tag));
        Assert.Equal(new CSeqHeader(1, SipMethods.Invite), invite.CSeq);
        Assert.EndsWith("@127.0.0.1", invite.CallId);
        Assert.Equal(70, invite.MaxForwards);
        var via = Assert.Single(invite.Vias);
        Assert.True(via.HasRfc3261Branch);
        Assert.True(via.HasRport);
        Assert.Equal(("UDP", "127.0.0.1", harness.ServerEndPoint.Port), (via.Transport, via.Host, via.Port!.Value));
        Assert.Equal($"<sip:callcenter@127.0.0.1:{harness.ServerEndPoint.Port}>", invite.Headers[KnownHeader.Contact]);
        Assert.Equal(UasCapabilities.Default.AllowHeaderValue, invite.Headers[KnownHeader.Allow]);
        Assert.Equal("CallCenter-Test", invite.Headers[KnownHeader.UserAgent]);
        Assert.Equal("application/sdp", invite.ContentType);
        Assert.Equal(Softphone.Sdp, Encoding.UTF8.GetString(invite.Body.Span));
        Assert.Null(SipMessageValidator.Validate(invite));
    }

    [Fact]
    public async Task Each_call_gets_its_own_CallId_tag_and_branch()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");

        PlaceCall(harness, agent);
        PlaceCall(harness, agent);
        var first = await agent.Phone.ReceiveRequestAsync();
        var second = await agent.Phone.ReceiveRequestAsync();

        Assert.NotEqual(first.CallId, second.CallId);
        Assert.NotEqual(first.From!.Tag, second.From!.Tag);
        Assert.NotEqual(first.TopVia!.Branch, second.TopVia!.Branch);
    }

    [Fact]
    public async Task A_2xx_is_acknowledged_in_the_new_dialog_with_the_route_set_reversed()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        var provisionals = new List<int>();
        var call = PlaceCall(harness, agent, onProvisional: r => provisionals.Add(r.StatusCode));
        var invite = await agent.Phone.ReceiveRequestAsync();

        agent.Phone.Send(agent.Answer(invite, 180));
        agent.Phone.Send(agent.Answer(invite, 200, extraHeaders: TwoProxies + $"Contact: <{agent.ContactUri};ob>\r\n", body: Softphone.Sdp));
        var ack = await agent.Phone.ReceiveRequestAsync();
        var outcome = await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SipMethods.Ack, ack.Method);
        Assert.Equal(agent.ContactUri + ";ob", ack.RequestUriText);
        Assert.Equal(new CSeqHeader(1, SipMethods.Ack), ack.CSeq);
        Assert.Equal(["<sip:edge1.example.net;lr>", "<sip:edge2.example.net;lr>"], ack.Headers.ValuesOf(KnownHeader.Route));
        Assert.Equal(invite.CallId, ack.CallId);
        Assert.Equal(invite.From!.Tag, ack.From!.Tag);
        Assert.Equal("callee-tag", ack.To!.Tag);
        Assert.NotEqual(invite.TopVia!.Branch, ack.TopVia!.Branch);
        Assert.True(ack.TopVia.HasRfc3261Branch);
        Assert.Equal([180], provisionals);
        Assert.True(outcome.IsAnswered);
        Assert.Equal(200, outcome.StatusCode);
        Assert.Same(call.Dialog, outcome.Dialog);
        Assert.Same(outcome.Dialog, harness.Core.Dialogs.Find(invite.CallId!, invite.From.Tag!, "callee-tag"));
        Assert.Equal(DialogState.Confirmed, outcome.Dialog!.State);
    }

    [Fact]
    public async Task Each_retransmitted_2xx_gets_the_same_ACK_again_also_after_the_transaction_has_ended()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        PlaceCall(harness, agent);
        var invite = await agent.Phone.ReceiveRequestAsync();
        var ok = agent.Answer(invite, 200, extraHeaders: $"Contact: <{agent.ContactUri}>\r\n");
        agent.Phone.Send(ok);
        var ack = await agent.Phone.ReceiveRequestAsync();

        agent.Phone.Send(ok);
        var whileAccepted = await agent.Phone.ReceiveRequestAsync();
        harness.RunFor(64 * T1 + T1);
        agent.Phone.Send(ok);
        var afterTransaction = await agent.Phone.ReceiveRequestAsync();

        Assert.Equal(ack.ToString(), whileAccepted.ToString());
        Assert.Equal(ack.ToString(), afterTransaction.ToString());
        Assert.Equal(0, harness.Stack.Transactions.ClientTransactionCount);
    }

    [Fact]
    public async Task A_failure_response_ends_the_attempt_and_the_transaction_acknowledges_it()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        var call = PlaceCall(harness, agent);
        var invite = await agent.Phone.ReceiveRequestAsync();

        agent.Phone.Send(agent.Answer(invite, 486));
        var ack = await agent.Phone.ReceiveRequestAsync();
        var outcome = await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SipMethods.Ack, ack.Method);
        Assert.Equal(invite.TopVia!.Branch, ack.TopVia!.Branch);
        Assert.Equal(new CSeqHeader(1, SipMethods.Ack), ack.CSeq);
        Assert.Equal((486, false), (outcome.StatusCode, outcome.IsAnswered));
        Assert.Null(outcome.Failure);
        Assert.Equal(0, harness.Core.Dialogs.Count);
    }

    [Fact]
    public async Task With_no_answer_the_attempt_times_out_after_64_T1_as_408()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        var call = PlaceCall(harness, agent);
        await agent.Phone.ReceiveRequestAsync();

        harness.RunFor(64 * T1);
        var outcome = await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(("timeout", 408), (outcome.Failure, outcome.StatusCode));
        Assert.Null(outcome.Response);
        var retransmissions = await agent.Phone.SyncAsync();
        Assert.Equal(6, retransmissions.Count);
    }

    [Fact]
    public async Task A_2xx_without_Contact_forms_no_dialog_and_is_reported()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        var call = PlaceCall(harness, agent);
        var invite = await agent.Phone.ReceiveRequestAsync();

        agent.Phone.Send(agent.Answer(invite, 200));
        var outcome = await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(outcome.IsAnswered);
        Assert.NotNull(outcome.Failure);
        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(0, harness.Core.Dialogs.Count);
    }

    [Fact]
    public async Task A_TCP_destination_that_refuses_the_connection_ends_the_attempt_as_503()
    {
        await using var harness = await CoreHarness.StartAsync();
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var call = harness.Core.Invite(
            SipUri.Parse($"sip:1002@127.0.0.1:{closedPort};transport=tcp"),
            NameAddress.Parse("<sip:1002@callcenter.test>"),
            NameAddress.Parse("<sip:queue-support@callcenter.test>"),
            new SipRemote(SipTransportKind.Tcp, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, closedPort)));
        var outcome = await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(("transport error", 503), (outcome.Failure, outcome.StatusCode));
        Assert.EndsWith(";transport=tcp>", call.Request.Headers[KnownHeader.Contact]);
        Assert.Equal("TCP", call.Request.TopVia!.Transport);
    }

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

    private static OutgoingInvite PlaceCall(CoreHarness harness, Softphone agent, ReadOnlyMemory<byte> body = default, string? contentType = null, Action<SipResponse>? onProvisional = null) =>
        harness.Core.Invite(
            SipUri.Parse(agent.ContactUri),
            NameAddress.Parse($"<{agent.Aor}>"),
            NameAddress.Parse("\"Support queue\" <sip:queue-support@callcenter.test>"),
            new SipRemote(SipTransportKind.Udp, agent.Phone.EndPoint),
            body,
            contentType,
            onProvisional);

    private static async Task<Dialog> EstablishedCallAsync(CoreHarness harness, Softphone agent)
    {
        var call = PlaceCall(harness, agent);
        var invite = await agent.Phone.ReceiveRequestAsync();
        agent.Phone.Send(agent.Answer(invite, 200, extraHeaders: $"Contact: <{agent.ContactUri}>\r\n"));
        Assert.Equal(SipMethods.Ack, (await agent.Phone.ReceiveRequestAsync()).Method);
        var outcome = await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));
        return outcome.Dialog!;
    }
}
