using CallCenter.Media.Dtmf;
using CallCenter.Media.Tests.Dtmf.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCenter.Media.Tests.Dtmf;

public class Rfc4733SenderTests
{
    private static readonly TimeSpan MaxJitter = TimeSpan.FromMilliseconds(40);

    [Fact]
    public void A_key_is_a_marker_packet_growing_updates_and_three_end_packets()
    {
        var packets = new Rfc4733Sender().CreateDigit('5');

        Assert.Equal(
            ["050A00A0", "050A0140", "050A01E0", "050A0280", "058A0320", "058A0320", "058A0320"],
            packets.Select(p => Convert.ToHexString(p.Payload.Span)));
        Assert.Equal([true, false, false, false, false, false, false], packets.Select(p => p.Marker));
        Assert.All(packets, p => Assert.Equal(0u, p.TimestampOffset));
        Assert.Equal([20, 40, 60, 80, 100, 120, 140], packets.Select(p => p.SendOffset.TotalMilliseconds));
        Assert.All(packets, p => Assert.Equal(10, p.Event.Volume));
    }

    [Fact]
    public void A_duration_that_is_not_a_whole_number_of_packets_ends_exactly()
    {
        var packets = new Rfc4733Sender().CreateDigit('#', TimeSpan.FromMilliseconds(50));

        Assert.Equal([160, 320, 400, 400, 400], packets.Select(p => (int)p.Event.Duration));
        Assert.Equal([false, false, true, true, true], packets.Select(p => p.Event.End));
        Assert.Equal([20, 40, 50, 70, 90], packets.Select(p => p.SendOffset.TotalMilliseconds));
    }

    [Fact]
    public void A_key_shorter_than_one_packet_is_only_end_packets_the_first_marked()
    {
        var packets = new Rfc4733Sender().CreateDigit('A', TimeSpan.FromMilliseconds(10));

        Assert.Equal(3, packets.Count);
        Assert.All(packets, p => Assert.True(p.Event.End));
        Assert.Equal([true, false, false], packets.Select(p => p.Marker));
    }

    [Fact]
    public void Keys_of_a_sequence_each_have_their_own_timestamp_and_marker()
    {
        var packets = new Rfc4733Sender().CreateDigits("1#");

        var first = packets.Where(p => p.Event.EventCode == 1).ToList();
        var second = packets.Where(p => p.Event.EventCode == 11).ToList();
        Assert.Equal(14, packets.Count);
        Assert.All(first, p => Assert.Equal(0u, p.TimestampOffset));
        // 100 ms tone + 100 ms gap at 8 kHz.
        Assert.All(second, p => Assert.Equal(1600u, p.TimestampOffset));
        Assert.True(second[0].Marker);
        Assert.Equal(TimeSpan.FromMilliseconds(220), second[0].SendOffset);
        Assert.Equal(packets.OrderBy(p => p.SendOffset), packets);
    }

    [Fact]
    public void Options_change_volume_interval_and_end_copies()
    {
        var options = new Rfc4733SenderOptions { Volume = 63, PacketInterval = TimeSpan.FromMilliseconds(50), EndPacketCount = 1 };
        var packets = new Rfc4733Sender(8000, options).CreateDigit('0', TimeSpan.FromMilliseconds(160));

        Assert.Equal([400, 800, 1200, 1280], packets.Select(p => (int)p.Event.Duration));
        Assert.All(packets, p => Assert.Equal(63, p.Event.Volume));
    }

    [Fact]
    public void Bad_keys_durations_and_options_are_refused()
    {
        var sender = new Rfc4733Sender();

        Assert.Throws<ArgumentOutOfRangeException>(() => sender.CreateDigit('E'));
        Assert.Throws<ArgumentOutOfRangeException>(() => sender.CreateDigits("12x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => sender.CreateDigit('1', TimeSpan.FromSeconds(8.2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => sender.CreateDigit('1', TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rfc4733Sender(8000, new Rfc4733SenderOptions { Volume = 64 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rfc4733Sender(8000, new Rfc4733SenderOptions { EndPacketCount = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rfc4733Sender(8000, new Rfc4733SenderOptions { InterDigitGap = TimeSpan.FromMilliseconds(30) }));
    }

    [Fact]
    public void Our_receiver_decodes_our_sender()
    {
        var receiver = new Rfc4733Receiver();

        var events = EventPacket.Feed(receiver, AsRtp(new Rfc4733Sender().CreateDigits(DtmfDigits.All), ssrc: 77, baseTimestamp: 0xFFFFF000));

        Assert.Equal(DtmfDigits.All, string.Concat(events.Select(e => e.Digit)));
        Assert.All(events, e => Assert.Equal(TimeSpan.FromMilliseconds(100), e.Duration));
        Assert.All(events, e => Assert.Equal(10, e.Volume));
        Assert.Equal(Enumerable.Range(0, 16).Select(i => EventPacket.Origin.AddMilliseconds(200 * i)), events.Select(e => e.StartTime));
        Assert.Equal(0, receiver.Statistics.LostStarts + receiver.Statistics.MissingEnds);
    }

    [Property(MaxTest = 300)]
    public Property Loss_duplication_and_reordering_never_change_the_keys() =>
        Prop.ForAll(Digits().ToArbitrary(), ArbMap.Default.ArbFor<int>(), (digits, seed) =>
        {
            var random = new Random(seed);
            var packets = AsRtp(new Rfc4733Sender().CreateDigits(digits), ssrc: 5, baseTimestamp: (uint)seed).ToList();
            var received = Mangle(packets, random);
            var receiver = new Rfc4733Receiver();
            var events = EventPacket.Feed(receiver, received);
            events.AddRange(receiver.Flush());
            return string.Concat(events.Select(e => e.Digit)) == digits;
        });

    private static Gen<string> Digits() =>
        Gen.Elements(DtmfDigits.All.ToCharArray()).ListOf().Select(chars => string.Concat(chars.Take(12)));

    /// <summary>
    /// Loses up to all but one packet of each key, duplicates some (a few milliseconds later) and lets
    /// some packets overtake a predecessor sent up to <see cref="MaxJitter"/> earlier.
    /// </summary>
    internal static List<EventPacket> Mangle(List<EventPacket> packets, Random random)
    {
        var result = new List<EventPacket>();
        foreach (var key in packets.GroupBy(p => p.Timestamp))
        {
            var keep = key.Where(_ => random.NextDouble() < 0.6).ToList();
            if (keep.Count == 0)
            {
                keep.Add(key.ElementAt(random.Next(key.Count())));
            }

            foreach (var packet in keep)
            {
                result.Add(packet);
                if (random.NextDouble() < 0.2)
                {
                    result.Add(packet.Later(TimeSpan.FromMilliseconds(random.Next(0, 15))));
                }
            }
        }

        for (var i = 1; i < result.Count; i++)
        {
            if (random.NextDouble() < 0.2 && result[i].At - result[i - 1].At <= MaxJitter)
            {
                (result[i - 1], result[i]) = (result[i] with { At = result[i - 1].At }, result[i - 1] with { At = result[i].At });
                i++; // a packet is overtaken once, not carried down the whole stream
            }
        }

        return result;
    }

    internal static IEnumerable<EventPacket> AsRtp(IReadOnlyList<TelephoneEventPacket> packets, uint ssrc, uint baseTimestamp) =>
        packets.Select((p, i) => new EventPacket(ssrc, (ushort)i, unchecked(baseTimestamp + p.TimestampOffset), p.Marker, p.Payload.ToArray(), p.SendOffset));
}
