using System.Net;
using System.Net.Sockets;
using System.Text;
using CallCenter.Sip.Message;

namespace CallCenter.Server.Tests;

/// <summary>A minimal UDP SIP client for driving the server from tests.</summary>
internal sealed class SipProbe : IDisposable
{
    private readonly UdpClient _client = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly IPEndPoint _server;

    public SipProbe(IPEndPoint server)
    {
        _server = server;
    }

    public int LocalPort => ((IPEndPoint)_client.Client.LocalEndPoint!).Port;

    public async Task<SipResponse> SendAsync(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ReplaceLineEndings("\r\n"));
        await _client.SendAsync(bytes, _server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var received = await _client.ReceiveAsync(timeout.Token);
        var parsed = SipParser.Parse(received.Buffer);
        return Assert.IsType<SipResponse>(parsed.Message);
    }

    public string Register(string user, int cseq, string? authorization, int expires = 600) => $"""
        REGISTER sip:127.0.0.1:{_server.Port} SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:{LocalPort};branch=z9hG4bK-{Guid.NewGuid():N};rport
        Max-Forwards: 70
        From: <sip:{user}@127.0.0.1>;tag=probe{user}
        To: <sip:{user}@127.0.0.1>
        Call-ID: reg-{user}-{LocalPort}@127.0.0.1
        CSeq: {cseq} REGISTER
        Contact: <sip:{user}@127.0.0.1:{LocalPort}>
        Expires: {expires}
        {(authorization is null ? string.Empty : "Authorization: " + authorization + "\n")}Content-Length: 0


        """;

    public void Dispose() => _client.Dispose();
}
