using System.Net;
using System.Net.Sockets;
using System.Text;
using CallCenter.Sip.Message;

namespace CallCenter.Calls.Tests.Sip.Support;

/// <summary>
/// A phone on loopback talking raw SIP to the server under test: the caller's phone or the agent's. Messages that
/// arrive while a test waits for a particular one are kept for later, in order; every wait is bounded.
/// </summary>
internal sealed class SipPeer : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly List<SipMessage> _pending = [];

    public SipPeer(IPEndPoint server, string user)
    {
        Server = server;
        User = user;
        EndPoint = (IPEndPoint)_socket.Client.LocalEndPoint!;
    }

    public IPEndPoint Server { get; }

    public IPEndPoint EndPoint { get; }

    public string User { get; }

    public string HostPort => $"127.0.0.1:{EndPoint.Port}";

    public string Contact => $"<sip:{User}@{HostPort}>";

    public void Send(SipMessage message)
    {
        var bytes = message.ToBytes();
        _socket.Send(bytes, bytes.Length, Server);
    }

    /// <summary>Parses SIP text written with "\n" line ends (turned into CRLF); Content-Length is computed.</summary>
    public static SipRequest Request(string startAndHeaders, string? sdp = null)
    {
        var body = sdp ?? string.Empty;
        var text = startAndHeaders.TrimEnd('\n').Replace("\n", "\r\n", StringComparison.Ordinal)
            + (sdp is null ? string.Empty : "\r\nContent-Type: application/sdp")
            + $"\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n" + body;
        var parsed = SipParser.Parse(Encoding.UTF8.GetBytes(text));
        Assert.True(parsed.Success, parsed.Error);
        return Assert.IsType<SipRequest>(parsed.Message);
    }

    /// <summary>Via, Max-Forwards and a fresh branch for a request this peer sends.</summary>
    public string Via => $"Via: SIP/2.0/UDP {HostPort};branch=z9hG4bK{Guid.NewGuid():N};rport\nMax-Forwards: 70";

    /// <summary>The next message matching <paramref name="match"/>, keeping the others for later.</summary>
    public async Task<T> ReceiveAsync<T>(Func<T, bool>? match = null)
        where T : SipMessage
    {
        var earlier = _pending.OfType<T>().FirstOrDefault(m => match?.Invoke(m) ?? true);
        if (earlier is not null)
        {
            _pending.Remove(earlier);
            return earlier;
        }

        while (true)
        {
            var message = await ReceiveFromSocketAsync();
            if (message is T candidate && (match?.Invoke(candidate) ?? true))
            {
                return candidate;
            }

            _pending.Add(message);
        }
    }

    public Task<SipRequest> ReceiveRequestAsync(string method) => ReceiveAsync<SipRequest>(r => r.Method == method);

    /// <summary>Sends <paramref name="request"/> and returns its final response.</summary>
    public async Task<SipResponse> SendAndGetFinalAsync(SipRequest request)
    {
        Send(request);
        return await ReceiveAsync<SipResponse>(r => r.CallId == request.CallId && r.CSeq == request.CSeq && !r.IsProvisional);
    }

    /// <summary>
    /// Everything the server sent this peer so far (kept messages included): an OPTIONS goes out and its answer comes
    /// back after whatever the server sent before it, since the server handles one socket's datagrams in order.
    /// </summary>
    public async Task<IReadOnlyList<SipMessage>> SyncAsync()
    {
        var probe = Request($"OPTIONS sip:{Server.Address}:{Server.Port} SIP/2.0\n{Via}\nFrom: <sip:probe@{HostPort}>;tag=probe\nTo: <sip:{Server.Address}:{Server.Port}>\nCall-ID: sync-{Guid.NewGuid():N}\nCSeq: 1 OPTIONS");
        Send(probe);
        var seen = new List<SipMessage>(_pending);
        _pending.Clear();
        while (true)
        {
            var message = await ReceiveFromSocketAsync();
            if (message is SipResponse response && response.CallId == probe.CallId)
            {
                return seen;
            }

            seen.Add(message);
        }
    }

    public void Dispose() => _socket.Dispose();

    private async Task<SipMessage> ReceiveFromSocketAsync()
    {
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            var received = await _socket.ReceiveAsync(timeout.Token);
            var parsed = SipParser.Parse(received.Buffer);
            Assert.True(parsed.Success, parsed.Error);
            return parsed.Message!;
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{User}: nothing received from the server within {Limit.TotalSeconds} s");
        }
    }
}
