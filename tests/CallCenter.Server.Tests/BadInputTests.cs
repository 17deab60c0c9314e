using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CallCenter.Server.Tests;

/// <summary>Bad input is answered or dropped and counted; the server keeps serving.</summary>
public class BadInputTests
{
    private const string Options = "OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{0};branch=z9hG4bK-{1}\r\nMax-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: {1}\r\nCSeq: 1 OPTIONS\r\n";

    [Fact]
    public async Task GarbageDatagramsAreDroppedAndCountedAndTheServerStillAnswers()
    {
        await using var server = await TestServer.StartAsync();
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var random = new Random(4475);
        for (var i = 0; i < 200; i++)
        {
            var garbage = new byte[random.Next(1, 1400)];
            random.NextBytes(garbage);
            await udp.SendAsync(garbage, server.SipEndPoint);
        }

        // A header section of 60 kB and a body that claims a million bytes.
        var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        var huge = string.Format(Options, port, "huge") + "X-Padding: " + new string('a', 60_000) + "\r\nContent-Length: 0\r\n\r\n";
        await udp.SendAsync(Encoding.ASCII.GetBytes(huge), server.SipEndPoint);
        var lying = string.Format(Options, port, "lying") + "Content-Length: 1000000\r\n\r\nv=0\r\n";
        await udp.SendAsync(Encoding.ASCII.GetBytes(lying), server.SipEndPoint);

        using var probe = new SipProbe(server.SipEndPoint);
        var ok = await probe.SendAsync(string.Format(Options, probe.LocalPort, "after") + "Content-Length: 0\r\n\r\n");
        Assert.Equal(200, ok.StatusCode);

        var metrics = await server.Http.GetStringAsync("/metrics");
        Assert.Matches(@"callcenter_sip_parse_failures_total\{kind=""unparseable""\} (1\d\d|200)", metrics);
        Assert.Contains("callcenter_sip_parse_failures_total{kind=\"invalid\"}", metrics);
    }

    [Fact]
    public async Task RequestWithABrokenViaIsAnswered400AtItsSourceAddress()
    {
        // RFC 4475 §3.1.2.1 (badinv01): the only Via cannot be parsed, so the 400 goes back where the datagram came from.
        await using var server = await TestServer.StartAsync();
        using var probe = new SipProbe(server.SipEndPoint);
        var response = await probe.SendAsync("""
            INVITE sip:user@example.com SIP/2.0
            To: sip:j.user@example.com
            From: sip:caller@example.net;tag=134161461246
            Max-Forwards: 7
            Call-ID: badinv01.0ha0isndaksdjasdf3234nas
            CSeq: 8 INVITE
            Via: SIP/2.0/UDP 192.0.2.15;;,;,,
            Contact: "Joe" <sip:joe@example.org>;;;;
            Content-Length: 0


            """);
        Assert.Equal(400, response.StatusCode);
        Assert.Contains("Via", response.ReasonPhrase);
        Assert.Equal("badinv01.0ha0isndaksdjasdf3234nas", response.CallId);
    }

    [Fact]
    public async Task TruncatedAndOversizedTcpStreamsCloseOnlyTheirConnection()
    {
        await using var server = await TestServer.StartAsync();

        using (var truncated = new TcpClient())
        {
            await truncated.ConnectAsync(server.SipEndPoint);
            var partial = Encoding.ASCII.GetBytes("INVITE sip:100@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:1;branch=z9hG4bK-t\r\nContent-Le");
            await truncated.GetStream().WriteAsync(partial);
        }

        using var oversized = new TcpClient();
        await oversized.ConnectAsync(server.SipEndPoint);
        var stream = oversized.GetStream();
        var bigBody = Encoding.ASCII.GetBytes(string.Format(Options, 1, "big").Replace("UDP", "TCP") + "Content-Length: 1000000\r\n\r\n");
        await stream.WriteAsync(bigBody);
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var read = await stream.ReadAsync(buffer, timeout.Token);
        Assert.Equal(0, read); // closed by the server: the stream cannot be resynchronised

        using var probe = new SipProbe(server.SipEndPoint);
        var ok = await probe.SendAsync(string.Format(Options, probe.LocalPort, "after-tcp") + "Content-Length: 0\r\n\r\n");
        Assert.Equal(200, ok.StatusCode);
        Assert.Contains("callcenter_sip_transport_dropped{reason=\"framing\"} 1", await server.Http.GetStringAsync("/metrics"));
    }
}
