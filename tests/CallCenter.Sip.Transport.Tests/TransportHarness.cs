using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Sip.Transport.Tests;

/// <summary>A started transport layer on loopback whose handler queues every message for the test to read.</summary>
internal sealed class TransportHarness : IAsyncDisposable
{
    /// <summary>Upper bound for any wait in these tests, so a broken build fails instead of hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<InboundMessage> _received = Channel.CreateUnbounded<InboundMessage>();

    private TransportHarness(SipTransportOptions options, Action<InboundMessage>? onMessage)
    {
        Time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z"));
        Layer = new SipTransportLayer(options, (in InboundMessage m) =>
        {
            _received.Writer.TryWrite(m);
            onMessage?.Invoke(m);
        }, NullLoggerFactory.Instance, Time);
    }

    public SipTransportLayer Layer { get; }

    public FakeTimeProvider Time { get; }

    public IPEndPoint Udp => Layer.UdpEndPoints[0];

    public IPEndPoint Tcp => Layer.TcpEndPoints[0];

    public static async Task<TransportHarness> StartAsync(
        IPAddress address,
        Action<SipTransportOptions>? configure = null,
        Action<InboundMessage>? onMessage = null)
    {
        var options = new SipTransportOptions { ListenEndPoints = [new IPEndPoint(address, 0)] };
        configure?.Invoke(options);
        var harness = new TransportHarness(options, onMessage);
        await harness.Layer.StartAsync(CancellationToken.None);
        return harness;
    }

    public async Task<InboundMessage> NextAsync() =>
        await _received.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>True if a message is already queued (used after a later message proved ordering).</summary>
    public bool TryTake(out InboundMessage message) => _received.Reader.TryRead(out message);

    public async ValueTask DisposeAsync() => await Layer.StopAsync().WaitAsync(Patience);
}
