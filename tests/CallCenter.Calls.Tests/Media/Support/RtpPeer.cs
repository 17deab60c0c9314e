using System.Net;
using System.Net.Sockets;
using CallCenter.Media.Dtmf;
using CallCenter.Media.Rtp;

namespace CallCenter.Calls.Tests.Media.Support;

/// <summary>One RTP packet the peer received from a leg, copied out of the receive buffer.</summary>
internal sealed record ReceivedRtp(byte PayloadType, ushort Sequence, uint Timestamp, uint Ssrc, bool Marker, byte[] Payload);

/// <summary>
/// The far end of a leg — a phone or trunk — played by a plain UDP socket on 127.0.0.1: it sends RTP with its own
/// SSRC, sequence and timestamp, and records every RTP packet the leg sends it on a thread of its own.
/// </summary>
internal sealed class RtpPeer : IDisposable
{
    private readonly Socket _socket;
    private readonly Lock _lock = new();
    private readonly List<ReceivedRtp> _received = [];
    private readonly byte[] _sendBuffer = new byte[2048];
    private int _otherDatagrams;
    private int _sent;
    private ushort _sequence;
    private uint _timestamp;
    private volatile bool _disposed;

    public RtpPeer()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
        {
            ReceiveBufferSize = 1 << 20,
            ReceiveTimeout = 100,
        };
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        Ssrc = (uint)Random.Shared.Next();
        _sequence = (ushort)Random.Shared.Next(ushort.MaxValue);
        _timestamp = (uint)Random.Shared.Next();
        new Thread(ReceiveLoop) { IsBackground = true, Name = "RTP peer " + Port }.Start();
    }

    public IPEndPoint EndPoint { get; }

    public int Port => EndPoint.Port;

    public uint Ssrc { get; }

    /// <summary>Datagrams sent.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Datagrams received that were not RTP.</summary>
    public int OtherDatagrams => Volatile.Read(ref _otherDatagrams);

    public IReadOnlyList<ReceivedRtp> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    public int ReceivedCount
    {
        get
        {
            lock (_lock)
            {
                return _received.Count;
            }
        }
    }

    /// <summary>Waits until the leg has sent <paramref name="more"/> packets beyond those received so far.</summary>
    public void WaitForMore(int more)
    {
        var target = ReceivedCount + more;
        Eventually.True(() => ReceivedCount >= target, $"{more} more RTP packets at peer {Port}");
    }

    /// <summary>Sends one audio packet of this peer's stream; the timestamp advances by one per sample (8 kHz G.711).</summary>
    public void SendAudio(IPEndPoint to, byte payloadType, ReadOnlySpan<byte> payload)
    {
        SendRtp(to, new RtpHeader(payloadType, _sequence++, _timestamp, Ssrc), payload);
        _timestamp += (uint)payload.Length;
    }

    /// <summary>Sends <paramref name="audio"/> cut into 20 ms packets.</summary>
    public void SendAudioFrames(IPEndPoint to, byte payloadType, ReadOnlySpan<byte> audio)
    {
        for (var offset = 0; offset < audio.Length; offset += 160)
        {
            SendAudio(to, payloadType, audio.Slice(offset, Math.Min(160, audio.Length - offset)));
        }
    }

    /// <summary>Presses <paramref name="digits"/> the RFC 4733 way: the packets <see cref="Rfc4733Sender"/> builds, in this peer's stream.</summary>
    public void SendDigits(IPEndPoint to, byte payloadType, string digits) =>
        SendEvents(to, payloadType, new Rfc4733Sender().CreateDigits(digits));

    /// <summary>Sends telephone-event packets, stamped from this peer's current timestamp.</summary>
    public void SendEvents(IPEndPoint to, byte payloadType, IEnumerable<TelephoneEventPacket> packets)
    {
        uint last = 0;
        foreach (var packet in packets)
        {
            SendRtp(to, new RtpHeader(payloadType, _sequence++, _timestamp + packet.TimestampOffset, Ssrc, packet.Marker), packet.Payload.Span);
            last = packet.TimestampOffset;
        }

        // The audio that would have accompanied the keys: one second on, so the next event never reuses a timestamp.
        _timestamp += last + 8000;
    }

    public void SendRtp(IPEndPoint to, RtpHeader header, ReadOnlySpan<byte> payload)
    {
        Assert.True(RtpPacketWriter.TryWrite(_sendBuffer, header, payload, out var written));
        SendRaw(to, _sendBuffer.AsSpan(0, written));
    }

    public void SendRaw(IPEndPoint to, ReadOnlySpan<byte> datagram)
    {
        _socket.SendTo(datagram, SocketFlags.None, to);
        Interlocked.Increment(ref _sent);
    }

    public void Dispose()
    {
        _disposed = true;
        _socket.Dispose();
    }

    private void ReceiveLoop()
    {
        var buffer = new byte[2048];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (!_disposed)
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, ref from);
            }
            catch (SocketException)
            {
                continue;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            Record(buffer.AsSpan(0, length));
        }
    }

    private void Record(ReadOnlySpan<byte> datagram)
    {
        if (!RtpPacket.TryParse(datagram, out var packet))
        {
            Interlocked.Increment(ref _otherDatagrams);
            return;
        }

        var received = new ReceivedRtp(packet.PayloadType, packet.SequenceNumber, packet.Timestamp, packet.Ssrc, packet.Marker, packet.Payload.ToArray());
        lock (_lock)
        {
            _received.Add(received);
        }
    }
}
