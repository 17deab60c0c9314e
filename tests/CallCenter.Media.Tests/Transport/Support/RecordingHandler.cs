using System.Collections.Concurrent;
using CallCenter.Media.Rtcp;
using CallCenter.Media.Rtp;
using CallCenter.Media.Transport;

namespace CallCenter.Media.Tests.Transport.Support;

/// <summary>Records what an endpoint delivers, copied out of the receive buffer.</summary>
internal sealed class RecordingHandler : IRtpEndpointHandler
{
    public ConcurrentQueue<(ushort Sequence, uint Ssrc, byte PayloadType, int PayloadLength)> Rtp { get; } = new();

    public ConcurrentQueue<(byte FirstType, int Length)> Rtcp { get; } = new();

    public ConcurrentQueue<TimeSpan> Inactivity { get; } = new();

    /// <summary>When set, OnRtpPacket throws for this sequence number (after recording it).</summary>
    public int ThrowOnSequence { get; set; } = -1;

    public void OnRtpPacket(RtpEndpoint endpoint, RtpPacket packet)
    {
        Rtp.Enqueue((packet.SequenceNumber, packet.Ssrc, packet.PayloadType, packet.Payload.Length));
        if (packet.SequenceNumber == ThrowOnSequence)
        {
            throw new InvalidOperationException("handler failure for the test");
        }
    }

    public void OnRtcpPacket(RtpEndpoint endpoint, RtcpCompoundPacket compound)
    {
        foreach (var packet in compound)
        {
            Rtcp.Enqueue((packet.PacketType, compound.Bytes.Length));
            return;
        }
    }

    public void OnInactive(RtpEndpoint endpoint, TimeSpan silence) => Inactivity.Enqueue(silence);
}
