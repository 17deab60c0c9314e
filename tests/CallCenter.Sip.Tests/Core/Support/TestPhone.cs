using System.Net;
using System.Net.Sockets;
using System.Text;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Core.Support;

/// <summary>
/// A softphone's UDP socket on loopback, talking raw SIP to the stack under test. Every wait is bounded. Messages
/// that arrive while waiting for a specific one are kept for later reads, in order.
/// </summary>
internal sealed class TestPhone : IDisposable
{
    /// <summary>Generous: it only bounds a failing test, a passing one never waits this long.</summary>
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(10);

    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly Queue<SipMessage> _pending = new();

    public TestPhone(IPEndPoint server)
    {
        Server = server;
        EndPoint = (IPEndPoint)_socket.Client.LocalEndPoint!;
    }

    /// <summary>Where the stack under test listens.</summary>
    public IPEndPoint Server { get; }

    /// <summary>The phone's own address and port.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>host:port for Via sent-by and Contact.</summary>
    public string HostPort => $"127.0.0.1:{EndPoint.Port}";

    public void Send(string text) => SendBytes(Encoding.UTF8.GetBytes(text));

    public void Send(SipMessage message) => SendBytes(message.ToBytes());

    public void SendBytes(byte[] datagram) => _socket.Send(datagram, datagram.Length, Server);

    /// <summary>The next message from the stack (parsed, and required to parse cleanly).</summary>
    public async Task<SipMessage> ReceiveAsync()
    {
        if (_pending.TryDequeue(out var earlier))
        {
            return earlier;
        }

        return await ReceiveFromSocketAsync();
    }

    public async Task<SipResponse> ReceiveResponseAsync() => Assert.IsType<SipResponse>(await ReceiveAsync());

    public async Task<SipRequest> ReceiveRequestAsync() => Assert.IsType<SipRequest>(await ReceiveAsync());

    /// <summary>Sends <paramref name="request"/> and returns the first final response to it (provisionals are skipped).</summary>
    public async Task<SipResponse> SendAndGetFinalAsync(SipRequest request)
    {
        Send(request);
        while (true)
        {
            var response = await ReceiveMatchingAsync<SipResponse>(r => r.CallId == request.CallId && r.CSeq == request.CSeq);
            if (!response.IsProvisional)
            {
                return response;
            }
        }
    }

    /// <summary>Waits for the first message of type <typeparamref name="T"/> matching <paramref name="match"/>, keeping the others.</summary>
    public async Task<T> ReceiveMatchingAsync<T>(Func<T, bool> match)
        where T : SipMessage
    {
        foreach (var earlier in _pending)
        {
            if (earlier is T candidate && match(candidate))
            {
                RemovePending(earlier);
                return candidate;
            }
        }

        while (true)
        {
            var message = await ReceiveFromSocketAsync();
            if (message is T candidate && match(candidate))
            {
                return candidate;
            }

            _pending.Enqueue(message);
        }
    }

    /// <summary>
    /// Returns everything the stack sent before now. It sends an OPTIONS and waits for its answer: the stack handles
    /// one socket's datagrams in order and loopback keeps their order, so whatever the earlier messages (or the
    /// caller's clock advances) made the stack send has arrived by then, and their effects have happened.
    /// </summary>
    public async Task<IReadOnlyList<SipMessage>> SyncAsync()
    {
        var callId = "sync-" + Guid.NewGuid().ToString("N");
        Send(
            $"OPTIONS sip:{Server.Address}:{Server.Port} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP {HostPort};branch=z9hG4bK{Guid.NewGuid():N};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:probe@{HostPort}>;tag=probe\r\n" +
            $"To: <sip:{Server.Address}:{Server.Port}>\r\n" +
            $"Call-ID: {callId}\r\n" +
            "CSeq: 1 OPTIONS\r\n" +
            "Content-Length: 0\r\n\r\n");
        var before = new List<SipMessage>(_pending);
        _pending.Clear();
        while (true)
        {
            var message = await ReceiveFromSocketAsync();
            if (message is SipResponse response && response.CallId == callId)
            {
                return before;
            }

            before.Add(message);
        }
    }

    /// <summary>Asserts that the stack has sent nothing since the last read.</summary>
    public async Task AssertNothingSentAsync()
    {
        var sent = await SyncAsync();
        Assert.True(sent.Count == 0, "Unexpected messages: " + string.Join(" | ", sent.Select(m => m.ToString().Split("\r\n")[0])));
    }

    public void Dispose() => _socket.Dispose();

    private async Task<SipMessage> ReceiveFromSocketAsync()
    {
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        UdpReceiveResult received;
        try
        {
            received = await _socket.ReceiveAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"Nothing received from the stack within {ReceiveTimeout.TotalSeconds} s");
        }

        var parsed = SipParser.Parse(received.Buffer);
        Assert.True(parsed.Success, $"The stack sent an unparseable message ({parsed.Error}): {Encoding.UTF8.GetString(received.Buffer)}");
        return parsed.Message!;
    }

    private void RemovePending(SipMessage message)
    {
        var rest = _pending.Where(m => !ReferenceEquals(m, message)).ToList();
        _pending.Clear();
        foreach (var m in rest)
        {
            _pending.Enqueue(m);
        }
    }
}
