using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using CallCenter.Media.Dtmf;
using CallCenter.Media.Rtp;

namespace CallCenter.Interop.Tests.Media;

/// <summary>
/// The media side of a caller's phone, held by the test: a UDP socket on 127.0.0.1 that a sipp caller names in its SDP
/// <c>m=</c> line, so the test receives every RTP packet the server plays to the caller (like <see cref="RtpSink"/>)
/// and presses keys as RFC 4733 telephone events sent from that same socket (so the server's symmetric-RTP latch keeps
/// sending here). Each press is its own event with its own start timestamp (RFC 4733 §2.5.1.2), so pressing the same
/// key twice is two presses, not one event retransmitted.
/// </summary>
public sealed class RtpPhone : IDisposable
{
    private const int MaxDatagram = 2048;

    // Well apart from the server's own payload types; the scenario's SDP offers it as telephone-event/8000.
    private const byte TelephoneEventPayloadType = 101;

    private readonly Socket _socket;
    private readonly Thread _reader;
    private readonly List<ReceivedRtp> _packets = [];
    private readonly object _gate = new();
    private readonly Rfc4733Sender _dtmf = new();
    private readonly uint _ssrc = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private ushort _sequence = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue);
    private uint _timestamp = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private IPEndPoint? _server;

    /// <summary>Binds a port chosen by the kernel on 127.0.0.1 and starts reading.</summary>
    public RtpPhone()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"rtp-phone-{Port}" };
        _reader.Start();
    }

    /// <summary>The UDP port to advertise in the caller's SDP.</summary>
    public int Port { get; }

    /// <summary>Every RTP packet received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRtp> Snapshot()
    {
        lock (_gate)
        {
            return _packets.ToArray();
        }
    }

    /// <summary>
    /// Presses <paramref name="keys"/> one after another, each as an RFC 4733 event paced in real time (updates every
    /// 50 ms, three end packets), to the address the server's RTP comes from. The server must already be sending.
    /// </summary>
    public async Task PressAsync(string keys)
    {
        IPEndPoint server;
        lock (_gate)
        {
            server = _server ?? throw new InvalidOperationException("No RTP has arrived from the server yet, so there is nowhere to send keys.");
        }

        foreach (var key in keys)
        {
            var started = Stopwatch.GetTimestamp();
            var packets = _dtmf.CreateDigit(key);
            foreach (var packet in packets)
            {
                var wait = packet.SendOffset - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                Send(server, packet);
            }

            // The next key starts later, at a timestamp of its own, as on a real keypad.
            _timestamp += 8000;
            await Task.Delay(TimeSpan.FromMilliseconds(150));
        }
    }

    /// <summary>Closes the socket and waits for the reading thread to end.</summary>
    public void Dispose()
    {
        _socket.Dispose();
        _reader.Join(TimeSpan.FromSeconds(2));
    }

    private void Send(IPEndPoint server, TelephoneEventPacket packet)
    {
        var header = new RtpHeader(TelephoneEventPayloadType, _sequence++, _timestamp + packet.TimestampOffset, _ssrc, packet.Marker);
        var datagram = new byte[12 + packet.Payload.Length];
        if (!RtpPacketWriter.TryWrite(datagram, header, packet.Payload.Span, out var written))
        {
            throw new InvalidOperationException("Could not write an RTP packet.");
        }

        _socket.SendTo(datagram.AsSpan(0, written), SocketFlags.None, server);
    }

    private void ReadLoop()
    {
        var buffer = new byte[MaxDatagram];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, ref from);
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
                    _server ??= new IPEndPoint(((IPEndPoint)from).Address, ((IPEndPoint)from).Port);
                    _packets.Add(received);
                }
            }
        }
    }
}
