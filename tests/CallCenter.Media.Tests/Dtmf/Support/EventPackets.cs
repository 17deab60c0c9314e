using CallCenter.Media.Dtmf;

namespace CallCenter.Media.Tests.Dtmf.Support;

/// <summary>One telephone-event RTP packet as the RTP layer would hand it to the receiver.</summary>
internal sealed record EventPacket(uint Ssrc, ushort Sequence, uint Timestamp, bool Marker, byte[] Payload, TimeSpan At)
{
    public static readonly DateTimeOffset Origin = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public EventPacket Later(TimeSpan delay) => this with { At = At + delay };

    public static EventPacket Of(uint ssrc, ushort sequence, uint timestamp, bool marker, double atMs, params TelephoneEvent[] blocks) =>
        new(ssrc, sequence, timestamp, marker, TelephoneEventPayload.ToBytes(blocks), TimeSpan.FromMilliseconds(atMs));

    /// <summary>
    /// A well-behaved phone's packets for one key: marker first, updates every 20 ms, three end packets
    /// 20 ms apart, sequence numbers counting up from <paramref name="firstSequence"/>.
    /// </summary>
    public static List<EventPacket> Press(char digit, uint ssrc, uint timestamp, double startMs, int durationMs = 100, ushort firstSequence = 1000, byte volume = 10)
    {
        DtmfDigits.TryToEventCode(digit, out var code);
        var packets = new List<EventPacket>();
        var sequence = firstSequence;
        var end = (ushort)(durationMs * 8);
        for (ushort elapsed = 160; elapsed < end; elapsed += 160)
        {
            packets.Add(Of(ssrc, sequence++, timestamp, packets.Count == 0, startMs + (elapsed / 8.0), new TelephoneEvent(code, false, volume, elapsed)));
        }

        for (var copy = 0; copy < 3; copy++)
        {
            packets.Add(Of(ssrc, sequence++, timestamp, packets.Count == 0, startMs + durationMs + (20 * copy), new TelephoneEvent(code, true, volume, end)));
        }

        return packets;
    }

    /// <summary>Feeds packets in the given order; returns every press reported.</summary>
    public static List<DtmfEvent> Feed(Rfc4733Receiver receiver, IEnumerable<EventPacket> packets)
    {
        var events = new List<DtmfEvent>();
        foreach (var p in packets)
        {
            events.AddRange(receiver.Receive(p.Ssrc, p.Sequence, p.Timestamp, p.Marker, p.Payload, Origin + p.At));
        }

        return events;
    }
}

/// <summary>
/// The packets of sipp 3.6's shipped <c>dtmf_2833_*.pcap</c> files, as observed on a Debian 12 machine
/// (see PEERS.md): payload type 101, SSRC 0x0E05384E in every file, one fixed sequence number and RTP
/// timestamp per file, a marker packet with duration 0, six updates 20 ms apart with the duration growing by
/// 320, then three identical end packets (same sequence number) at once. Replaying a file replays exactly
/// these numbers, so the same key twice is byte-identical.
/// </summary>
internal static class SippShippedPcaps
{
    public const uint Ssrc = 0x0E05384E;

    private static readonly Dictionary<char, (ushort Sequence, uint Timestamp)> Files = new()
    {
        ['1'] = (7984, 13280),
        ['5'] = (8155, 43200),
        ['*'] = (8397, 85760),
        ['#'] = (8436, 92640),
    };

    public static List<EventPacket> Play(char digit, double startMs)
    {
        var (sequence, timestamp) = Files[digit];
        DtmfDigits.TryToEventCode(digit, out var code);
        var packets = new List<EventPacket>();
        for (var i = 0; i < 7; i++)
        {
            packets.Add(EventPacket.Of(Ssrc, (ushort)(sequence + i), timestamp, i == 0, startMs + (20 * i), new TelephoneEvent(code, false, 10, (ushort)(320 * i))));
        }

        for (var copy = 0; copy < 3; copy++)
        {
            packets.Add(EventPacket.Of(Ssrc, (ushort)(sequence + 7), timestamp, false, startMs + 140, new TelephoneEvent(code, true, 10, 2240)));
        }

        return packets;
    }
}
