using System.Net;
using CallCenter.Sip.Message;
using CallCenter.Sip.Stack;
using CallCenter.Sip.Tests.Core.Support;
using CallCenter.Sip.Transactions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Sip.Tests.Stack;

/// <summary>
/// A bare <see cref="SipStack"/> on 127.0.0.1 with a transaction user that answers every request 200 and records
/// what reaches it, and an observer that records the metrics calls.
/// </summary>
internal sealed class StackHarness : IAsyncDisposable, ITransactionUser, ISipStackObserver
{
    private readonly List<string> _userCalls = [];
    private readonly List<string> _observed = [];
    private readonly List<TestPhone> _sockets = [];

    private StackHarness()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
        var options = new SipStackOptions { ProductName = "CallCenter-Test" };
        options.Transport.ListenEndPoints.Add(new IPEndPoint(IPAddress.Loopback, 0));
        Stack = new SipStack(options, NullLoggerFactory.Instance, Time, this);
        Stack.Attach(this);
    }

    public FakeTimeProvider Time { get; }

    public SipStack Stack { get; }

    public IPEndPoint ServerEndPoint => Stack.UdpEndPoints[0];

    /// <summary>"request OPTIONS", "ack", "stray 200"… in order.</summary>
    public IReadOnlyList<string> UserCalls => Snapshot(_userCalls);

    /// <summary>"received INVITE", "parse-failed invalid", "sent 200"… in order.</summary>
    public IReadOnlyList<string> Observed => Snapshot(_observed);

    public static async Task<StackHarness> StartAsync()
    {
        var harness = new StackHarness();
        await harness.Stack.StartAsync(CancellationToken.None);
        return harness;
    }

    public TestPhone NewSocket()
    {
        var socket = new TestPhone(ServerEndPoint);
        _sockets.Add(socket);
        return socket;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        await Stack.DisposeAsync();
    }

    public void OnRequest(ServerTransaction transaction)
    {
        if (!transaction.Request.CallId!.StartsWith("sync-", StringComparison.Ordinal))
        {
            Record(_userCalls, $"request {transaction.Request.Method}");
        }

        transaction.Respond(transaction.CreateResponse(200));
    }

    public void OnCancel(ServerTransaction invite, SipRequest cancel) => Record(_userCalls, "cancel");

    public void OnAck(SipRequest ack, SipRemote source, ServerTransaction? transaction) => Record(_userCalls, "ack");

    public void OnResponse(ClientTransaction transaction, SipResponse response) => Record(_userCalls, $"response {response.StatusCode}");

    public void OnStrayResponse(SipResponse response, SipRemote source) => Record(_userCalls, $"stray {response.StatusCode}");

    public void OnFailure(SipTransaction transaction, TransactionFailure failure) => Record(_userCalls, $"failure {failure}");

    public void RequestReceived(string method) => Record(_observed, $"received {method}");

    public void ResponseReceived(int statusCode) => Record(_observed, $"received {statusCode}");

    public void ResponseSent(int statusCode) => Record(_observed, $"sent {statusCode}");

    public void RequestSent(string method) => Record(_observed, $"sent {method}");

    public void ParseFailed(string kind) => Record(_observed, $"parse-failed {kind}");

    private static void Record(List<string> list, string line)
    {
        lock (list)
        {
            list.Add(line);
        }
    }

    private static IReadOnlyList<string> Snapshot(List<string> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }
}
