using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CallCenter.Media.Rtp;

namespace CallCenter.Interop.Tests.Media;

/// <summary>
/// A UDP socket on 127.0.0.1 that a test writes into an SDP <c>m=</c> line in place of a peer's media port, so the
/// test sees exactly the RTP the server sends there. It never sends anything, so the server's symmetric-RTP latch
/// (which follows the source of the RTP it receives) keeps sending to this address. Packets are read on a dedicated
/// thread with a blocking receive and stamped at once, which keeps scheduling noise out of arrival times.
/// Datagrams that are not RTP are ignored.
/// </summary>
public sealed class RtpSink : IDisposable
{
    private const int MaxDatagram = 2048;
    private readonly Socket _socket;
    private readonly Thread _reader;
    private readonly List<ReceivedRtp> _packets = [];
    private readonly object _gate = new();

    /// <summary>Binds a port chosen by the kernel on 127.0.0.1 and starts reading.</summary>
    public RtpSink()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"rtp-sink-{Port}", Priority = ThreadPriority.AboveNormal };
        _reader.Start();
    }

    /// <summary>The UDP port to advertise.</summary>
    public int Port { get; }

    /// <summary>Every RTP packet received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRtp> Snapshot()
    {
        lock (_gate)
        {
            return _packets.ToArray();
        }
    }

    /// <summary>Closes the socket and waits for the reading thread to end.</summary>
    public void Dispose()
    {
        _socket.Dispose();
        _reader.Join(TimeSpan.FromSeconds(2));
    }

    private void ReadLoop()
    {
        var buffer = new byte[MaxDatagram];
        while (true)
        {
            int length;
            try
            {
                length = _socket.Receive(buffer);
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                // Disposal closes the socket under the blocking receive: that is how the loop ends.
                return;
            }

            var arrival = Stopwatch.GetTimestamp();
            if (RtpPacket.TryParse(buffer.AsSpan(0, length), out var packet))
            {
                var received = new ReceivedRtp(arrival, packet.PayloadType, packet.SequenceNumber, packet.Timestamp, packet.Ssrc, packet.Payload.ToArray());
                lock (_gate)
                {
                    _packets.Add(received);
                }
            }
        }
    }
}
