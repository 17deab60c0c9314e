using System.Net;
using System.Text;
using CallCenter.Sip.Message;
using CallCenter.Sip.Stack;
using CallCenter.Sip.Tests.Core.Support;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Sip.Tests.Stack;

/// <summary>
/// The stack's own decisions on loopback: malformed requests answered statelessly (RFC 3261 §8.2, §16.3, §18.2.2)
/// or dropped, malformed responses dropped (§18.1.2), and everything else passed up with metrics.
/// </summary>
public sealed class SipStackTests
{
    [Fact]
    public async Task A_valid_request_reaches_the_transaction_user_and_is_counted()
    {
        await using var harness = await StackHarness.StartAsync();
        var socket = harness.NewSocket();

        socket.Send(Request(socket, "INFO"));
        var response = await socket.ReceiveResponseAsync();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(["request INFO"], harness.UserCalls);
        Assert.Equal(["received INFO", "sent 200"], harness.Observed);
    }

    [Fact]
    public async Task A_request_missing_a_mandatory_header_gets_400_naming_it()
    {
        await using var harness = await StackHarness.StartAsync();
        var socket = harness.NewSocket();

        socket.Send(Request(socket, "OPTIONS").Replace("CSeq: 1 OPTIONS\r\n", string.Empty));
        var response = await socket.ReceiveResponseAsync();

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("Missing CSeq header", response.ReasonPhrase);
        Assert.Equal("CallCenter-Test", response.Headers[KnownHeader.Server]);
        Assert.NotNull(response.To!.Tag);
        Assert.Equal("call-x@127.0.0.1", response.CallId);
        Assert.Equal(socket.EndPoint.Port, Assert.Single(response.Vias).RportValue);
        Assert.Empty(harness.UserCalls);
        Assert.Equal(["parse-failed invalid", "sent 400"], harness.Observed);
    }

    [Theory]
    [InlineData("CSeq: 1 OPTIONS\r\n", "CSeq: 1 INVITE\r\n")]
    [InlineData("Max-Forwards: 70\r\n", "Max-Forwards: many\r\n")]
    [InlineData("Call-ID: call-x@127.0.0.1\r\n", "Call-ID: two words\r\n")]
    [InlineData("To: <sip:service@127.0.0.1>\r\n", "To: <sip:service@127.0.0.1\r\n")]
    public async Task A_request_with_a_malformed_header_gets_400_and_never_reaches_the_user(string good, string bad)
    {
        await using var harness = await StackHarness.StartAsync();
        var socket = harness.NewSocket();

        socket.Send(Request(socket, "OPTIONS").Replace(good, bad));
        var response = await socket.ReceiveResponseAsync();

        Assert.Equal(400, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(response.ReasonPhrase));
        Assert.Empty(harness.UserCalls);
    }

    [Fact]
    public async Task A_body_shorter_than_its_Content_Length_gets_400_with_the_parse_error()
    {
        await using var harness = await StackHarness.StartAsync();
        var socket = harness.NewSocket();

        socket.Send(Request(socket, "INFO").Replace("Content-Length: 0\r\n\r\n", "Content-Length: 50\r\n\r\nshort"));
        var response = await socket.ReceiveResponseAsync();

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("Content-Length", response.ReasonPhrase);
        Assert.Empty(harness.UserCalls);
    }

    [Fact]
    public async Task Another_SIP_version_gets_505()
    {
        await using var harness = await StackHarness.StartAsync();
        var socket = harness.NewSocket();

        socket.Send(Request(socket, "OPTIONS").Replace("OPTIONS sip:service@127.0.0.1 SIP/2.0", "OPTIONS sip:service@127.0.0.1 SIP/7.0"));
        var response = await socket.ReceiveResponseAsync();

        Assert.Equal(505, response.StatusCode);
        Assert.Equal("Version Not Supported", response.ReasonPhrase);
        Assert.Equal("SIP/2.0", response.Version);
        Assert.Empty(harness.UserCalls);
    }

    [Fact]
    public async Task A_malformed_ACK_is_never_answered()
    {
        await using var harness = await StackHarness.StartAsync();
        var socket = harness.NewSocket();

        socket.Send(Request(socket, "ACK").Replace("CSeq: 1 ACK\r\n", "CSeq: one ACK\r\n"));

        await socket.AssertNothingSentAsync();
        Assert.Empty(harness.UserCalls);
        Assert.Contains("parse-failed invalid", harness.Observed);
    }

    [Fact]
    public async Task A_request_without_any_Via_is_dropped_since_no_response_could_be_routed()
    {
        await using var harness = await StackHarness.StartAsync();
        var socket = harness.NewSocket();

        socket.Send(Request(socket, "OPTIONS").Replace($"Via: SIP/2.0/UDP {socket.HostPort};branch=z9hG4bKstack1;rport\r\n", string.Empty));

        await socket.AssertNothingSentAsync();
        Assert.Contains("parse-failed invalid", harness.Observed);
        Assert.Empty(harness.UserCalls);
    }

    [Fact]
    public async Task A_request_whose_Via_is_broken_is_answered_400_at_its_source()
    {
        await using var harness = await StackHarness.StartAsync();
        var socket = harness.NewSocket();

        socket.Send(Request(socket, "OPTIONS").Replace($"SIP/2.0/UDP {socket.HostPort};branch=z9hG4bKstack1;rport", "garbage"));
        var response = await socket.ReceiveResponseAsync();

        Assert.Equal(400, response.StatusCode);
        Assert.StartsWith("Bad Via", response.ReasonPhrase);
        Assert.Empty(harness.UserCalls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("hello there")]
    [InlineData("INVITE\r\n\r\n")]
    public async Task Bytes_that_are_not_a_message_are_dropped_and_counted(string datagram)
    {
        await using var harness = await StackHarness.StartAsync();
        var socket = harness.NewSocket();

        socket.SendBytes(Encoding.UTF8.GetBytes(datagram + "\0\u0001"));

        await socket.AssertNothingSentAsync();
        Assert.Contains("parse-failed unparseable", harness.Observed);
        Assert.Empty(harness.UserCalls);
    }

    [Fact]
    public async Task A_valid_response_to_no_transaction_reaches_the_user_as_stray()
    {
        await using var harness = await StackHarness.StartAsync();
        var socket = harness.NewSocket();

        socket.Send(Response(socket, 200, "z9hG4bKnobody"));
        await socket.SyncAsync();

        Assert.Equal(["stray 200"], harness.UserCalls);
        Assert.Contains("received 200", harness.Observed);
    }

    [Theory]
    [InlineData("Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKa, SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKb\r\n")]
    [InlineData("Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKa\r\nCSeq: 2 OPTIONS\r\n")]
    [InlineData("From: <sip:broken\r\n")]
    public async Task A_malformed_response_is_dropped_without_reaching_the_user(string headerLines)
    {
        await using var harness = await StackHarness.StartAsync();
        var socket = harness.NewSocket();
        var text = Response(socket, 200, "z9hG4bKnobody");
        var viaEnd = text.IndexOf("\r\n", text.IndexOf("Via:", StringComparison.Ordinal), StringComparison.Ordinal) + 2;
        var malformed = headerLines.StartsWith("Via:", StringComparison.Ordinal)
            ? text[..text.IndexOf("Via:", StringComparison.Ordinal)] + headerLines + text[viaEnd..]
            : text.Replace("From: <sip:service@127.0.0.1>;tag=srv\r\n", headerLines);

        socket.Send(malformed);
        await socket.SyncAsync();

        Assert.Empty(harness.UserCalls);
        Assert.Contains("parse-failed invalid-response", harness.Observed);
        Assert.DoesNotContain("received 200", harness.Observed);
    }

    [Fact]
    public async Task Requests_we_send_and_their_responses_are_counted()
    {
        await using var harness = await StackHarness.StartAsync();
        var socket = harness.NewSocket();
        var options = new SipRequest(SipMethods.Options, SipUri.Parse($"sip:{socket.HostPort}"));
        options.Headers.Add(KnownHeader.Via, new ViaHeader("UDP", "127.0.0.1", harness.ServerEndPoint.Port, BranchId.New()).ToString());
        options.Headers.Add(KnownHeader.From, "<sip:probe@callcenter.test>;tag=p1");
        options.Headers.Add(KnownHeader.To, $"<sip:{socket.HostPort}>");
        options.Headers.Add(KnownHeader.CallId, "probe@127.0.0.1");
        options.Headers.Add(KnownHeader.CSeq, "1 OPTIONS");

        harness.Stack.Transactions.SendRequest(options, new SipRemote(SipTransportKind.Udp, socket.EndPoint));
        var received = await socket.ReceiveRequestAsync();
        socket.Send(ResponseFactory.Create(received, 200, toTag: "peer"));
        await socket.SyncAsync();

        Assert.Equal(["response 200"], harness.UserCalls);
        Assert.Equal(["sent OPTIONS", "received 200"], harness.Observed.Where(o => o is "sent OPTIONS" or "received 200"));
    }

    [Fact]
    public async Task Methods_outside_the_standard_set_are_counted_as_other()
    {
        await using var harness = await StackHarness.StartAsync();
        var socket = harness.NewSocket();

        socket.Send(Request(socket, "X-SCAN"));
        await socket.ReceiveResponseAsync();

        Assert.Contains("received other", harness.Observed);
    }

    [Fact]
    public async Task The_stack_needs_a_transaction_user_before_it_starts()
    {
        var options = new SipStackOptions();
        options.Transport.ListenEndPoints.Add(new IPEndPoint(IPAddress.Loopback, 0));
        await using var stack = new SipStack(options, NullLoggerFactory.Instance, new FakeTimeProvider());

        Assert.Throws<InvalidOperationException>(() => stack.Transactions);
        await Assert.ThrowsAsync<InvalidOperationException>(() => stack.StartAsync(CancellationToken.None));
        Assert.Empty(stack.UdpEndPoints);
    }

    [Fact]
    public async Task Stopping_refuses_new_requests_with_503_and_Retry_After()
    {
        await using var harness = await StackHarness.StartAsync();
        var socket = harness.NewSocket();
        await harness.Stack.Transactions.StopAcceptingAsync(TimeSpan.FromSeconds(20), CancellationToken.None);

        socket.Send(Request(socket, "INFO"));
        var refused = await socket.ReceiveResponseAsync();
        await harness.Stack.StopAsync(CancellationToken.None);

        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("20", refused.Headers[KnownHeader.RetryAfter]);
        Assert.Empty(harness.UserCalls);
    }

    [Theory]
    [InlineData("plain reason", "plain reason")]
    [InlineData("tab\there", "tab\there")]
    [InlineData("line\r\nbreak", "line  break")]
    [InlineData("nul\0bell\u0007del\u007f", "nul bell del ")]
    [InlineData("ünïcödé stays", "ünïcödé stays")]
    public void Reason_phrases_lose_control_characters(string reason, string expected) =>
        Assert.Equal(expected, SipStack.SanitizeReason(reason));

    [Fact]
    public void Reason_phrases_are_cut_to_120_characters_without_splitting_a_surrogate_pair()
    {
        Assert.Equal(new string('a', 120), SipStack.SanitizeReason(new string('a', 300)));
        var emojiAtTheCut = new string('a', 119) + "\U0001F600" + "tail";
        Assert.Equal(new string('a', 119), SipStack.SanitizeReason(emojiAtTheCut));
    }

    private static string Request(TestPhone socket, string method) =>
        $"{method} sip:service@127.0.0.1 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP {socket.HostPort};branch=z9hG4bKstack1;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:tester@{socket.HostPort}>;tag=tst\r\n" +
        "To: <sip:service@127.0.0.1>\r\n" +
        "Call-ID: call-x@127.0.0.1\r\n" +
        $"CSeq: 1 {method}\r\n" +
        "Content-Length: 0\r\n\r\n";

    private static string Response(TestPhone socket, int status, string branch) =>
        $"SIP/2.0 {status} OK\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{socket.Server.Port};branch={branch}\r\n" +
        "From: <sip:service@127.0.0.1>;tag=srv\r\n" +
        $"To: <sip:tester@{socket.HostPort}>;tag=tst\r\n" +
        "Call-ID: resp-x@127.0.0.1\r\n" +
        "CSeq: 1 OPTIONS\r\n" +
        "Content-Length: 0\r\n\r\n";
}
