using CallCenter.Media.Dtmf;
using CallCenter.Media.Tests.Dtmf.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using static CallCenter.Media.Tests.Dtmf.Support.EventPacket;

namespace CallCenter.Media.Tests.Dtmf;

public class Rfc4733ReceiverTests
{
    private const uint PhoneSsrc = 0x11223344;

    [Fact]
    public void A_press_is_reported_once_when_it_ends_with_duration_and_volume()
    {
        var receiver = new Rfc4733Receiver();
        var packets = Press('7', PhoneSsrc, 48000, startMs: 1000, durationMs: 120, volume: 12);

        var events = Feed(receiver, packets);

        var press = Assert.Single(events);
        Assert.Equal(new DtmfEvent('7', DtmfMethod.Rfc4733, Origin.AddMilliseconds(1000), TimeSpan.FromMilliseconds(120)) { Volume = 12 }, press);
        Assert.Equal(new Rfc4733ReceiverStatistics(Packets: 8, MalformedPackets: 0, DuplicateBlocks: 2, IgnoredBlocks: 0, Digits: 1, LostStarts: 0, MissingEnds: 0), receiver.Statistics);
    }

    [Fact]
    public void The_digit_is_reported_by_the_first_end_packet()
    {
        var receiver = new Rfc4733Receiver();
        var packets = Press('3', PhoneSsrc, 8000, startMs: 0);
        var firstEnd = packets.FindIndex(p => p.Payload[1] >= 0x80);

        Assert.Empty(Feed(receiver, packets.Take(firstEnd)));
        Assert.Equal('3', receiver.ActiveDigit);
        Assert.Single(Feed(receiver, packets.Skip(firstEnd).Take(1)));
        Assert.Null(receiver.ActiveDigit);
        Assert.Empty(Feed(receiver, packets.Skip(firstEnd + 1)));
    }

    [Fact]
    public void Different_keys_with_the_same_ssrc_and_timestamp_are_different_presses()
    {
        var receiver = new Rfc4733Receiver();
        var packets = Press('1', PhoneSsrc, 16000, 0).Concat(Press('2', PhoneSsrc, 16000, 200));

        Assert.Equal("12", string.Concat(Feed(receiver, packets).Select(e => e.Digit)));
    }

    [Fact]
    public void Retransmitted_and_duplicated_packets_are_one_press()
    {
        var receiver = new Rfc4733Receiver();
        var packets = Press('9', PhoneSsrc, 24000, 0);
        var duplicated = packets.SelectMany(p => new[] { p, p.Later(TimeSpan.FromMilliseconds(3)) }).ToList();

        Assert.Single(Feed(receiver, duplicated));
        // Duplicated updates simply refresh the running press; after the first end packet the
        // other five end packets are copies.
        Assert.Equal(5, receiver.Statistics.DuplicateBlocks);
    }

    [Fact]
    public void Reordered_packets_keep_the_final_duration()
    {
        var receiver = new Rfc4733Receiver();
        var packets = Press('4', PhoneSsrc, 8000, 0, durationMs: 100);
        // The last update arrives after the first end packet.
        (packets[3], packets[4]) = (packets[4], packets[3]);

        var press = Assert.Single(Feed(receiver, packets));

        Assert.Equal(TimeSpan.FromMilliseconds(100), press.Duration);
    }

    [Fact]
    public void A_press_whose_start_was_lost_is_still_reported_and_placed_in_time()
    {
        var receiver = new Rfc4733Receiver();
        var packets = Press('6', PhoneSsrc, 8000, startMs: 200, durationMs: 100).Skip(2);

        var press = Assert.Single(Feed(receiver, packets));

        Assert.Equal('6', press.Digit);
        // The first packet seen reported 60 ms, at 260 ms: the key went down at 200 ms.
        Assert.Equal(Origin.AddMilliseconds(200), press.StartTime);
        Assert.Equal(1, receiver.Statistics.LostStarts);
    }

    [Fact]
    public void A_press_seen_only_through_its_end_packets_is_reported_once()
    {
        var receiver = new Rfc4733Receiver();
        var ends = Press('0', PhoneSsrc, 8000, startMs: 0, durationMs: 80).Where(p => p.Payload[1] >= 0x80);

        var press = Assert.Single(Feed(receiver, ends));

        Assert.Equal(TimeSpan.FromMilliseconds(80), press.Duration);
        Assert.Equal(Origin, press.StartTime);
    }

    [Fact]
    public void A_stuck_press_is_closed_by_the_timeout()
    {
        var time = new FakeTimeProvider(Origin);
        var receiver = new Rfc4733Receiver(time: time);
        var updates = Press('8', PhoneSsrc, 8000, startMs: 0, durationMs: 100).Take(4).ToList();
        Feed(receiver, updates);
        time.SetUtcNow(Origin + updates[^1].At);

        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Empty(receiver.Poll());
        Assert.Equal('8', receiver.ActiveDigit);

        time.Advance(TimeSpan.FromMilliseconds(1));
        var press = Assert.Single(receiver.Poll());
        Assert.Equal(TimeSpan.FromMilliseconds(80), press.Duration);
        Assert.Empty(receiver.Poll());
        Assert.Equal(1, receiver.Statistics.MissingEnds);
    }

    [Fact]
    public void The_end_packets_of_a_press_closed_by_timeout_do_not_report_it_again()
    {
        var time = new FakeTimeProvider(Origin);
        var receiver = new Rfc4733Receiver(time: time);
        var packets = Press('8', PhoneSsrc, 8000, startMs: 0, durationMs: 100);
        Feed(receiver, packets.Take(4));
        time.SetUtcNow(Origin.AddMilliseconds(80 + 500));
        Assert.Single(receiver.Poll());

        // The stream stalled: the end packets come very late, carrying on from the duration already seen.
        Assert.Empty(Feed(receiver, packets.Skip(4).Select(p => p.Later(TimeSpan.FromMilliseconds(600)))));
    }

    [Fact]
    public void A_late_copy_of_a_finished_press_end_is_not_a_new_press()
    {
        var receiver = new Rfc4733Receiver();
        var packets = Press('2', PhoneSsrc, 8000, startMs: 0, durationMs: 100);

        Assert.Single(Feed(receiver, packets.Append(packets[^1].Later(TimeSpan.FromMilliseconds(900)))));
    }

    [Fact]
    public void A_sender_silent_between_its_first_updates_and_its_end_gives_one_long_press()
    {
        // Some gateways send two updates, nothing while the key is held, then the end.
        var receiver = new Rfc4733Receiver();
        var packets = new[]
        {
            Of(PhoneSsrc, 1, 8000, true, 20, new TelephoneEvent(2, false, 10, 160)),
            Of(PhoneSsrc, 2, 8000, false, 40, new TelephoneEvent(2, false, 10, 320)),
            Of(PhoneSsrc, 3, 8000, false, 1700, new TelephoneEvent(2, true, 10, 13568)),
            Of(PhoneSsrc, 4, 8000, false, 1720, new TelephoneEvent(2, true, 10, 13568)),
        };

        var press = Assert.Single(Feed(receiver, packets));

        Assert.Equal(TimeSpan.FromMilliseconds(1696), press.Duration);
    }

    [Fact]
    public void A_press_without_end_packets_is_closed_when_the_next_key_starts()
    {
        var receiver = new Rfc4733Receiver();
        var first = Press('1', PhoneSsrc, 8000, 0).Take(3);
        var second = Press('2', PhoneSsrc, 9600, 200);

        var events = Feed(receiver, first.Concat(second));

        Assert.Equal("12", string.Concat(events.Select(e => e.Digit)));
        Assert.Equal(TimeSpan.FromMilliseconds(60), events[0].Duration);
    }

    [Fact]
    public void A_reused_timestamp_within_the_duplicate_window_is_a_copy()
    {
        var receiver = new Rfc4733Receiver();
        var first = Press('1', PhoneSsrc, 8000, 0);
        var lastArrival = first[^1].At.TotalMilliseconds;
        // Same identity again 150 ms after the last end copy: within the 200 ms window.
        var replay = SippStyleRestart('1', PhoneSsrc, 8000, lastArrival + 150);

        Assert.Single(Feed(receiver, first.Concat(replay)));
    }

    [Fact]
    public void A_restarted_press_whose_end_was_lost_counts_again_after_the_window()
    {
        var receiver = new Rfc4733Receiver();
        var first = Press('5', PhoneSsrc, 8000, 0).Take(4);
        var replay = Press('5', PhoneSsrc, 8000, 400);

        var events = Feed(receiver, first.Concat(replay));

        Assert.Equal("55", string.Concat(events.Select(e => e.Digit)));
        Assert.Equal(1, receiver.Statistics.MissingEnds);
    }

    [Fact]
    public void A_late_packet_of_the_previous_key_does_not_cut_the_next_key_short()
    {
        var receiver = new Rfc4733Receiver();
        var first = Press('1', PhoneSsrc, 8000, startMs: 0, durationMs: 100);
        var second = Press('2', PhoneSsrc, 8000 + 1200, startMs: 150, durationMs: 100);
        // Only the last end packet of '1' survives, and '2' overtakes it.
        var arrivals = new[] { second[0], first[^1] with { At = second[0].At + TimeSpan.FromMilliseconds(5) } }.Concat(second.Skip(1));

        var events = Feed(receiver, arrivals);

        Assert.Equal("12", string.Concat(events.Select(e => e.Digit)));
        Assert.Equal(TimeSpan.FromMilliseconds(100), events[1].Duration);
    }

    [Fact]
    public void Packed_events_are_split_and_each_reported_once()
    {
        var receiver = new Rfc4733Receiver();
        var packets = new[]
        {
            Of(PhoneSsrc, 1, 8000, true, 20, new TelephoneEvent(1, false, 10, 160)),
            // '1' ended at 800; '2' started right after it and has run 160 units (§2.5.1.5).
            Of(PhoneSsrc, 2, 8000, false, 120, new TelephoneEvent(1, true, 10, 800), new TelephoneEvent(2, false, 10, 160)),
            Of(PhoneSsrc, 3, 8000, false, 140, new TelephoneEvent(1, true, 10, 800), new TelephoneEvent(2, false, 10, 320)),
            Of(PhoneSsrc, 4, 8800, false, 160, new TelephoneEvent(2, true, 10, 480)),
            Of(PhoneSsrc, 5, 8800, false, 180, new TelephoneEvent(2, true, 10, 480)),
        };

        var events = Feed(receiver, packets);

        Assert.Equal("12", string.Concat(events.Select(e => e.Digit)));
        Assert.Equal(TimeSpan.FromMilliseconds(60), events[1].Duration);
        Assert.Equal(0, receiver.Statistics.LostStarts);
    }

    [Fact]
    public void A_long_press_split_into_segments_is_one_press()
    {
        // §2.5.1.3: the duration field would overflow, so a new segment starts at timestamp + 0xFFFF.
        var receiver = new Rfc4733Receiver();
        var packets = new[]
        {
            Of(PhoneSsrc, 1, 1000, true, 0, new TelephoneEvent(3, false, 10, 160)),
            Of(PhoneSsrc, 2, 1000, false, 8190, new TelephoneEvent(3, false, 10, 0xFFFF)),
            Of(PhoneSsrc, 3, 1000 + 0xFFFF, false, 8210, new TelephoneEvent(3, false, 10, 160)),
            Of(PhoneSsrc, 4, 1000 + 0xFFFF, false, 9190, new TelephoneEvent(3, true, 10, 8000)),
            Of(PhoneSsrc, 5, 1000 + 0xFFFF, false, 9210, new TelephoneEvent(3, true, 10, 8000)),
        };

        var press = Assert.Single(Feed(receiver, packets));

        Assert.Equal(TimeSpan.FromTicks((0xFFFF + 8000) * TimeSpan.TicksPerSecond / 8000), press.Duration);
    }

    [Fact]
    public void Events_that_are_not_keys_are_ignored()
    {
        var receiver = new Rfc4733Receiver();
        var flash = Of(PhoneSsrc, 1, 8000, true, 0, new TelephoneEvent(16, true, 10, 800));
        var answerTone = Of(PhoneSsrc, 2, 9000, true, 20, new TelephoneEvent(32, false, 10, 160));

        Assert.Empty(Feed(receiver, [flash, answerTone]));
        Assert.Equal(2, receiver.Statistics.IgnoredBlocks);
        Assert.Null(receiver.ActiveDigit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("01")]
    [InlineData("010A00A0FF")]
    public void Malformed_payloads_are_counted_and_ignored(string hex)
    {
        var receiver = new Rfc4733Receiver();

        Assert.Empty(receiver.Receive(PhoneSsrc, 1, 8000, true, Convert.FromHexString(hex), Origin));
        Assert.Equal(1, receiver.Statistics.MalformedPackets);
    }

    [Theory]
    [InlineData(16000)]
    [InlineData(48000)]
    public void Durations_follow_the_negotiated_clock_rate(int clockRate)
    {
        var receiver = new Rfc4733Receiver(clockRate);
        var packets = new[]
        {
            Of(PhoneSsrc, 1, 0, true, 0, new TelephoneEvent(1, false, 10, (ushort)(clockRate / 50))),
            Of(PhoneSsrc, 2, 0, false, 100, new TelephoneEvent(1, true, 10, (ushort)(clockRate / 10))),
        };

        Assert.Equal(TimeSpan.FromMilliseconds(100), Assert.Single(Feed(receiver, packets)).Duration);
    }

    [Fact]
    public void Flush_reports_the_press_in_progress()
    {
        var receiver = new Rfc4733Receiver();
        Feed(receiver, Press('C', PhoneSsrc, 0, 0).Take(2));

        Assert.Equal('C', Assert.Single(receiver.Flush()).Digit);
        Assert.Empty(receiver.Flush());
    }

    [Fact]
    public void Invalid_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rfc4733Receiver(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rfc4733Receiver(options: new Rfc4733ReceiverOptions { DuplicateWindow = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rfc4733Receiver(options: new Rfc4733ReceiverOptions { StuckEventTimeout = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rfc4733Receiver(options: new Rfc4733ReceiverOptions { RememberedEvents = 0 }));
    }

    [Property(MaxTest = 500)]
    public Property Random_packet_streams_never_throw_and_report_at_most_one_press_per_block() =>
        Prop.ForAll(RandomStream().ToArbitrary(), stream =>
        {
            var time = new FakeTimeProvider(Origin);
            var receiver = new Rfc4733Receiver(time: time);
            var events = new List<DtmfEvent>();
            var blocks = 0;
            foreach (var packet in stream)
            {
                time.SetUtcNow(Origin + packet.At);
                events.AddRange(receiver.Receive(packet.Ssrc, packet.Sequence, packet.Timestamp, packet.Marker, packet.Payload, Origin + packet.At));
                events.AddRange(receiver.Poll());
                blocks += packet.Payload.Length % 4 == 0 ? packet.Payload.Length / 4 : 0;
            }

            events.AddRange(receiver.Flush());
            return events.Count <= blocks
                && events.All(e => DtmfDigits.All.Contains(e.Digit) && e.Duration >= TimeSpan.Zero && e.Method == DtmfMethod.Rfc4733)
                && receiver.Statistics.Digits == events.Count;
        });

    /// <summary>Packets with few SSRCs and timestamps (so identities collide) and random payloads and gaps.</summary>
    private static Gen<List<EventPacket>> RandomStream()
    {
        var packet =
            from ssrc in Gen.Elements(1u, 2u, 0xFFFFFFFFu)
            from timestamp in Gen.Elements(0u, 800u, 0xFFFFFF00u, 13280u)
            from marker in ArbMap.Default.GeneratorFor<bool>()
            from blocks in Gen.Choose(0, 3)
            from payload in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), blocks * 4)
            from stray in Gen.Elements(0, 0, 0, 1, 3)
            from gapMs in Gen.Choose(0, 700)
            select (ssrc, timestamp, marker, payload: payload.Concat(new byte[stray]).ToArray(), gapMs);
        return packet.ListOf().Select(items =>
        {
            var at = TimeSpan.Zero;
            var stream = new List<EventPacket>();
            foreach (var (ssrc, timestamp, marker, payload, gapMs) in items)
            {
                at += TimeSpan.FromMilliseconds(gapMs);
                stream.Add(new EventPacket(ssrc, (ushort)stream.Count, timestamp, marker, payload, at));
            }

            return stream;
        });
    }

    /// <summary>A replay of a press with a reused timestamp, as sipp's pcaps do: duration restarts from 0.</summary>
    private static IEnumerable<EventPacket> SippStyleRestart(char digit, uint ssrc, uint timestamp, double startMs)
    {
        DtmfDigits.TryToEventCode(digit, out var code);
        yield return Of(ssrc, 1, timestamp, true, startMs, new TelephoneEvent(code, false, 10, 0));
        yield return Of(ssrc, 2, timestamp, false, startMs + 20, new TelephoneEvent(code, false, 10, 160));
        yield return Of(ssrc, 3, timestamp, false, startMs + 40, new TelephoneEvent(code, true, 10, 320));
    }
}
