using System.Net;
using System.Net.Sockets;
using CallCenter.Sip.Transport.Logging;

namespace CallCenter.Sip.Transport.Udp;

/// <summary>
/// Decides what happens to each datagram a UDP receive thread reads: drop oversized ones, skip keep-alives,
/// deliver the rest as an exact-size copy. Used by one thread only.
/// </summary>
internal sealed class UdpDatagramDispatcher
{
    private readonly IPEndPoint _local;
    private readonly TransportContext _context;
    private readonly ReceivedAddressCache _addresses;

    public UdpDatagramDispatcher(IPEndPoint local, TransportContext context, ReceivedAddressCache addresses)
    {
        _local = local;
        _context = context;
        _addresses = addresses;
    }

    /// <summary>
    /// Handles one received datagram. <paramref name="datagram"/> may be longer than the size limit (the receive
    /// buffer is one byte larger than the limit so that an oversized datagram is recognised, not truncated).
    /// </summary>
    public void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        int limit = _context.Options.MaxDatagramSize;
        if (datagram.Length > limit)
        {
            OnOversized(source);
            return;
        }

        // Empty or CRLF-only datagrams are keep-alives (RFC 5626 §3.5.1 style); there is nothing to answer.
        if (datagram.IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0)
        {
            _context.Counters.UdpKeepAlive();
            return;
        }

        var remote = _addresses.Resolve(source);
        _context.Counters.UdpReceived(datagram.Length);
        var message = new InboundMessage(datagram.ToArray(), SipTransportKind.Udp, _local, remote, ConnectionId: 0);
        _context.Deliver(in message);
    }

    /// <summary>Handles a failed receive that the loop survives.</summary>
    public void OnReceiveError(SocketError error, SocketAddress source)
    {
        // Windows reports a datagram bigger than the buffer as an error rather than truncating it.
        if (error == SocketError.MessageSize)
        {
            OnOversized(source);
            return;
        }

        // ConnectionReset/ConnectionRefused are ICMP port-unreachable replies to an earlier send: not fatal.
        _context.Counters.UdpReceiveError();
        if (_context.PeerErrorLog.TryAcquire(out long suppressed))
        {
            TransportLog.UdpReceiveError(_context.Logger, error, _local, suppressed);
        }
    }

    private void OnOversized(SocketAddress source)
    {
        _context.Counters.OversizedDatagram();
        if (_context.PeerErrorLog.TryAcquire(out long suppressed))
        {
            TransportLog.OversizedDatagram(
                _context.Logger, SafeEndPoint(source), _context.Options.MaxDatagramSize, suppressed);
        }
    }

    private EndPoint? SafeEndPoint(SocketAddress source)
    {
        try
        {
            return _addresses.Resolve(source);
        }
        catch (ArgumentException)
        {
            // After some failed receives the source address is not filled in.
            return null;
        }
    }
}
