using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CallCenter.Interop.Tests.Media;

/// <summary>One datagram an <see cref="RtcpSink"/> received, with its arrival time in <see cref="Stopwatch"/> ticks.</summary>
public sealed record ReceivedDatagram(long ArrivalTicks, DateTimeOffset ArrivalWallclock, byte[] Bytes);

/// <summary>
/// A UDP socket on 127.0.0.1 at a given port, standing in for a caller's RTCP port: the RTP port of an
/// <see cref="RtpSink"/> plus one (RFC 3550 §11), where a server sends RTCP when the SDP names no other port. It keeps
/// every datagram, whatever it holds, for the test to parse; it never sends.
/// </summary>
public sealed class RtcpSink : IDisposable
{
    private readonly Socket _socket;
    private readonly Thread _reader;
    private readonly List<ReceivedDatagram> _datagrams = [];
    private readonly object _gate = new();

    private RtcpSink(Socket socket)
    {
        _socket = socket;
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"rtcp-sink-{Port}" };
        _reader.Start();
    }

    /// <summary>The bound port.</summary>
    public int Port { get; }

    /// <summary>
    /// An <see cref="RtpSink"/> and an RTCP sink on the next port. The kernel picks the RTP port, so the one above may
    /// be taken: then another pair is tried.
    /// </summary>
    public static (RtpSink Rtp, RtcpSink Rtcp) BindPair()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var rtp = new RtpSink();
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Loopback, rtp.Port + 1));
                return (rtp, new RtcpSink(socket));
            }
            catch (SocketException)
            {
                socket.Dispose();
                rtp.Dispose();
            }
        }

        throw new InvalidOperationException("No RTP port with a free port above it on 127.0.0.1 after 50 attempts.");
    }

    /// <summary>Every datagram received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedDatagram> Snapshot()
    {
        lock (_gate)
        {
            return _datagrams.ToArray();
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
        var buffer = new byte[2048];
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

            var received = new ReceivedDatagram(Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow, buffer[..length]);
            lock (_gate)
            {
                _datagrams.Add(received);
            }
        }
    }
}
