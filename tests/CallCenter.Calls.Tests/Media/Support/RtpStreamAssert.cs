using CallCenter.Media.G711;

namespace CallCenter.Calls.Tests.Media.Support;

/// <summary>Checks on what a peer received from a leg.</summary>
internal static class RtpStreamAssert
{
    /// <summary>
    /// One RTP stream as RFC 3550 §5.1 wants it from a G.711 sender: one SSRC, one payload type, 160-byte payloads,
    /// each sequence number one more than the last and each timestamp 160 samples on.
    /// </summary>
    public static void Continuous(IReadOnlyList<ReceivedRtp> packets, byte payloadType)
    {
        Assert.NotEmpty(packets);
        for (var i = 0; i < packets.Count; i++)
        {
            var packet = packets[i];
            Assert.Equal(payloadType, packet.PayloadType);
            Assert.Equal(G711Frame.SamplesPerFrame, packet.Payload.Length);
            Assert.Equal(packets[0].Ssrc, packet.Ssrc);
            if (i > 0)
            {
                Assert.Equal(unchecked((ushort)(packets[i - 1].Sequence + 1)), packet.Sequence);
                Assert.Equal(unchecked(packets[i - 1].Timestamp + G711Frame.SamplesPerFrame), packet.Timestamp);
            }
        }
    }

    /// <summary>Where <paramref name="frames"/> start as consecutive payloads of <paramref name="packets"/>; -1 when they do not.</summary>
    public static int IndexOfFrames(IReadOnlyList<ReceivedRtp> packets, byte[][] frames, int from = 0)
    {
        for (var start = from; start + frames.Length <= packets.Count; start++)
        {
            var all = true;
            for (var k = 0; k < frames.Length && all; k++)
            {
                all = packets[start + k].Payload.AsSpan().SequenceEqual(frames[k]);
            }

            if (all)
            {
                return start;
            }
        }

        return -1;
    }

    /// <summary>Where <paramref name="frame"/> first appears as a payload; -1 when it does not.</summary>
    public static int IndexOfFrame(IReadOnlyList<ReceivedRtp> packets, byte[] frame, int from = 0)
    {
        for (var i = from; i < packets.Count; i++)
        {
            if (packets[i].Payload.AsSpan().SequenceEqual(frame))
            {
                return i;
            }
        }

        return -1;
    }

    public static bool IsSilence(ReceivedRtp packet, G711Law law) => packet.Payload.AsSpan().SequenceEqual(G711Frame.Silence(law).Span);
}
