using System.Net;
using System.Net.Sockets;
using CallCenter.Sip.Transport.Udp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Sip.Transport.Tests;

public sealed class UdpDatagramDispatcherTests
{
    private static readonly IPEndPoint Local = new(IPAddress.Loopback, 5060);
    private static readonly SocketAddress Source = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 40000).Serialize();

    private readonly List<InboundMessage> _delivered = [];
    private readonly RecordingLogger _logger = new();
    private readonly FakeTimeProvider _time = new();
    private readonly TransportContext _context;
    private readonly UdpDatagramDispatcher _dispatcher;

    public UdpDatagramDispatcherTests()
    {
        var options = new SipTransportOptions { ListenEndPoints = [Local], MaxDatagramSize = 100 };
        _context = new TransportContext(options, Collect, _logger, _time);
        _dispatcher = new UdpDatagramDispatcher(Local, _context, new ReceivedAddressCache(AddressFamily.InterNetwork, 4));
    }

    [Fact]
    public void DeliversAnExactSizeCopyWithItsAddresses()
    {
        var buffer = new byte[200];
        var message = SipSamples.Ascii("OPTIONS sip:x SIP/2.0\r\n\r\n");
        message.CopyTo(buffer, 0);

        _dispatcher.OnDatagram(buffer.AsSpan(0, message.Length), Source);
        buffer.AsSpan().Clear();

        var delivered = Assert.Single(_delivered);
        Assert.Equal(message, delivered.Data.ToArray());
        Assert.Equal(message.Length, BackingArrayLength(delivered.Data));
        Assert.Equal(SipTransportKind.Udp, delivered.Transport);
        Assert.Equal(Local, delivered.Local);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 40000), delivered.Remote);
        Assert.Equal(0, delivered.ConnectionId);
        Assert.Equal(1, _context.Counters.UdpDatagramsReceived);
        Assert.Equal(message.Length, _context.Counters.UdpBytesReceived);
    }

    [Fact]
    public void DatagramAtTheLimitIsDeliveredAndOneByteMoreIsDropped()
    {
        _dispatcher.OnDatagram(Enumerable.Repeat((byte)'A', 100).ToArray(), Source);
        _dispatcher.OnDatagram(Enumerable.Repeat((byte)'A', 101).ToArray(), Source);

        Assert.Single(_delivered);
        Assert.Equal(1, _context.Counters.OversizedDatagramsDropped);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n")]
    [InlineData("\r\n\r\n")]
    [InlineData("\n")]
    public void KeepAlivesAreCountedNotDelivered(string text)
    {
        _dispatcher.OnDatagram(SipSamples.Ascii(text), Source);
        Assert.Empty(_delivered);
        Assert.Equal(1, _context.Counters.UdpKeepAlivesReceived);
    }

    [Fact]
    public void MessageSizeErrorCountsAsOversizedOtherErrorsAsReceiveErrors()
    {
        _dispatcher.OnReceiveError(SocketError.MessageSize, Source);
        _dispatcher.OnReceiveError(SocketError.ConnectionReset, Source);
        _dispatcher.OnReceiveError(SocketError.ConnectionRefused, new SocketAddress(AddressFamily.InterNetwork));

        Assert.Equal(1, _context.Counters.OversizedDatagramsDropped);
        Assert.Equal(2, _context.Counters.UdpReceiveErrors);
    }

    [Fact]
    public void AFloodOfBadDatagramsIsLoggedAtALimitedRate()
    {
        var oversized = new byte[101];
        for (int i = 0; i < 1000; i++)
        {
            _dispatcher.OnDatagram(oversized, Source);
        }

        Assert.Equal(1000, _context.Counters.OversizedDatagramsDropped);
        Assert.Equal(10, _logger.Entries.Count);

        _time.Advance(TimeSpan.FromSeconds(10));
        _dispatcher.OnDatagram(oversized, Source);

        Assert.Equal(11, _logger.Entries.Count);
        Assert.Contains("990 similar entries suppressed", _logger.Entries.Last().Text);
    }

    [Fact]
    public void HandlerExceptionIsCountedAndLoggedNotThrown()
    {
        var options = new SipTransportOptions { ListenEndPoints = [Local] };
        var context = new TransportContext(
            options, (in InboundMessage _) => throw new InvalidOperationException("bug"), _logger, _time);
        var dispatcher = new UdpDatagramDispatcher(Local, context, new ReceivedAddressCache(AddressFamily.InterNetwork, 4));

        dispatcher.OnDatagram(SipSamples.Ok(), Source);

        Assert.Equal(1, context.Counters.HandlerExceptions);
        Assert.Equal(LogLevel.Error, Assert.Single(_logger.Entries).Level);
    }

    private static int BackingArrayLength(ReadOnlyMemory<byte> data) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var segment)
            ? segment.Array!.Length
            : -1;

    private void Collect(in InboundMessage message) => _delivered.Add(message);
}
