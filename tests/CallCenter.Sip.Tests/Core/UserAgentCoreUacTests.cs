using System.Text;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Core.Support;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using static CallCenter.Sip.Tests.Core.Support.OutgoingCalls;

namespace CallCenter.Sip.Tests.Core;

/// <summary>
/// Calls we place (to an agent's phone, here a socket on loopback): the INVITE (§8.1.1, §13.2.1), the ACK for a 2xx
/// (§13.2.2.4, forks included) and the ways an attempt fails.
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
    public async Task A_2xx_from_a_second_fork_is_acknowledged_and_ended_with_BYE()
    {
        await using var harness = await CoreHarness.StartAsync();
        var agent = harness.NewPhone("1002");
        var call = PlaceCall(harness, agent);
        var invite = await agent.Phone.ReceiveRequestAsync();
        agent.Phone.Send(agent.Answer(invite, 200, toTag: "desk", extraHeaders: $"Contact: <{agent.ContactUri}>\r\n"));
        var deskAck = await agent.Phone.ReceiveRequestAsync();

        var laptopOk = agent.Answer(invite, 200, toTag: "laptop", extraHeaders: $"Contact: <sip:1002@{agent.Phone.HostPort};laptop>\r\n");
        agent.Phone.Send(laptopOk);
        var laptopAck = await agent.Phone.ReceiveRequestAsync();
        var laptopBye = await agent.Phone.ReceiveRequestAsync();
        agent.Phone.Send(laptopOk);
        var laptopAckAgain = await agent.Phone.ReceiveRequestAsync();
        var outcome = await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(("desk", SipMethods.Ack), (deskAck.To!.Tag, deskAck.Method));
        Assert.Equal((SipMethods.Ack, "laptop", 1L), (laptopAck.Method, laptopAck.To!.Tag, laptopAck.CSeq!.Number));
        Assert.Equal($"sip:1002@{agent.Phone.HostPort};laptop", laptopAck.RequestUriText);
        Assert.Equal((SipMethods.Bye, "laptop", 2L), (laptopBye.Method, laptopBye.To!.Tag, laptopBye.CSeq!.Number));
        Assert.Equal(laptopAck.ToString(), laptopAckAgain.ToString());
        await agent.Phone.AssertNothingSentAsync();
        Assert.Equal("desk", outcome.Dialog!.Id.RemoteTag);
        Assert.Same(outcome.Dialog, harness.Core.Dialogs.Find(invite.CallId!, invite.From!.Tag!, "desk"));
        Assert.Equal(1, harness.Core.Dialogs.Count);
        Assert.Equal(DialogState.Confirmed, outcome.Dialog.State);
    }

    [Fact]
    public async Task The_answered_dialog_can_be_found_and_reaches_the_application_before_the_ACK_leaves()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = new RecordingInviteHandler();
        harness.Core.InviteHandler = handler;
        var agent = harness.NewPhone("1002");
        int? dialogsWhenAnswered = null;
        Dialog? answered = null;
        var call = harness.Core.Invite(
            SipUri.Parse(agent.ContactUri),
            NameAddress.Parse($"<{agent.Aor}>"),
            NameAddress.Parse("<sip:queue-support@callcenter.test>"),
            new SipRemote(SipTransportKind.Udp, agent.Phone.EndPoint),
            onAnswered: (dialog, ok) =>
            {
                dialogsWhenAnswered = harness.Core.Dialogs.Count;
                answered = dialog;
            });
        var invite = await agent.Phone.ReceiveRequestAsync();

        agent.Phone.Send(agent.Answer(invite, 200, extraHeaders: $"Contact: <{agent.ContactUri}>\r\n"));
        var ack = await agent.Phone.ReceiveRequestAsync();
        // The phone hangs up the instant it has the ACK: the BYE must find the dialog, and the application its call.
        var bye = agent.Request(SipMethods.Bye, $"sip:callcenter@127.0.0.1:{harness.ServerEndPoint.Port}", invite.CallId!, 2,
            $"<sip:queue-support@callcenter.test>;tag={invite.From!.Tag}", fromTag: "callee-tag");
        var byeAnswer = await agent.Phone.SendAndGetFinalAsync(bye);

        Assert.Equal(SipMethods.Ack, ack.Method);
        Assert.Equal(1, dialogsWhenAnswered);
        Assert.Same((await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10))).Dialog, answered);
        Assert.Equal(200, byeAnswer.StatusCode);
        Assert.Equal(["ended BYE from peer"], handler.Events);
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
}
