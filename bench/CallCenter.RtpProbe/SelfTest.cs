namespace CallCenter.RtpProbe;

/// <summary>
/// Checks of the statistics code that run without a network (<c>--self-test</c>): percentiles, tolerance share,
/// sequence wrap, loss, duplicates, reordering, payload type and SSRC demultiplexing. Each check compares with a
/// value worked out by hand, so a wrong formula fails.
/// </summary>
public static class SelfTest
{
    private const long Frequency = 1_000_000; // one tick per microsecond keeps the expected figures readable
    private const long Interval = 20_000;

    /// <summary>Runs every check, writes one line per failure and a verdict; true when all passed.</summary>
    public static bool Run(TextWriter output)
    {
        var failures = new List<string>();
        void Check(string name, object expected, object actual)
        {
            if (!Equals(expected, actual))
            {
                failures.Add($"{name}: expected {expected}, got {actual}");
            }
        }

        CheckHistogram(Check);
        CheckSequenceWrap(Check);
        CheckLossDuplicatesAndReordering(Check);
        CheckDemultiplexingAndPayloadType(Check);
        CheckResetAndParsing(Check);
        CheckSocketTableLine(Check);
        foreach (var failure in failures)
        {
            output.WriteLine("FAIL " + failure);
        }

        output.WriteLine(failures.Count == 0 ? "self-test passed" : $"self-test failed: {failures.Count} check(s)");
        return failures.Count == 0;
    }

    private static void CheckHistogram(Action<string, object, object> check)
    {
        var histogram = new DeviationHistogram();
        check("empty p99", 0L, histogram.Percentile(99));
        for (long value = 1; value <= 1000; value++)
        {
            histogram.Record(value);
        }

        check("p50 of 1..1000", 500L, histogram.Percentile(50));
        check("p99 of 1..1000", 990L, histogram.Percentile(99));
        check("p99.9 of 1..1000", 999L, histogram.Percentile(99.9));
        check("p100 of 1..1000", 1000L, histogram.Percentile(100));
        check("max of 1..1000", 1000L, histogram.MaxMicroseconds);
        check("count at most 250", 250L, histogram.CountAtMost(250));
        histogram.Record(DeviationHistogram.MaxBucketMicroseconds + 5_000);
        histogram.Record(-7);
        check("overflow max", (long)DeviationHistogram.MaxBucketMicroseconds + 5_000, histogram.MaxMicroseconds);
        check("overflow percentile is the max", (long)DeviationHistogram.MaxBucketMicroseconds + 5_000, histogram.Percentile(100));
        check("negative counts as zero", 1L, histogram.CountAtMost(0));
        bool threw = false;
        try
        {
            histogram.Percentile(0);
        }
        catch (ArgumentOutOfRangeException)
        {
            threw = true;
        }

        check("percentile 0 refused", true, threw);
    }

    private static void CheckSequenceWrap(Action<string, object, object> check)
    {
        var recorder = NewRecorder();
        long time = 0;
        foreach (ushort sequence in new ushort[] { 65533, 65534, 65535, 0, 1 })
        {
            recorder.Record(new RtpFields(0, sequence, 0, 7), time);
            time += Interval + 500; // every gap 0.5 ms late
        }

        var summary = recorder.Summarize();
        check("wrap: gaps", 4L, summary.Gaps);
        check("wrap: lost", 0L, summary.Counters.Lost);
        check("wrap: p50", 500L, summary.P50Microseconds);
        check("wrap: within", 1.0, summary.WithinTolerance);
    }

    private static void CheckLossDuplicatesAndReordering(Action<string, object, object> check)
    {
        var recorder = NewRecorder();
        (ushort Sequence, long Time)[] arrivals =
        [
            (10, 0), (11, 20_000), (14, 80_000), (14, 80_100), (13, 80_200), (15, 103_000), (65535, 110_000),
        ];
        foreach (var (sequence, time) in arrivals)
        {
            recorder.Record(new RtpFields(0, sequence, 0, 9), time);
        }

        var summary = recorder.Summarize();
        check("loss: lost", 2L, summary.Counters.Lost);
        check("loss: jumps", 1L, summary.Counters.SequenceJumps);
        check("loss: duplicates", 1L, summary.Counters.Duplicates);
        check("loss: reordered", 2L, summary.Counters.Reordered);
        check("loss: gaps (10-11 and 14-15 only)", 2L, summary.Gaps);
        check("loss: max deviation", 3_000L, summary.MaxMicroseconds);
        check("loss: share within 2 ms", 0.5, summary.WithinTolerance);
        check("loss: streams out of tolerance", 1, summary.StreamsOutOfTolerance);
        check("loss: ratio (2 lost of 7 received + 2)", 2.0 / 9, summary.LossRatio);
    }

    private static void CheckDemultiplexingAndPayloadType(Action<string, object, object> check)
    {
        var recorder = NewRecorder();
        for (int i = 0; i < 3; i++)
        {
            // Two streams interleaved: each is perfectly paced on its own although the arrivals alternate.
            recorder.Record(new RtpFields(0, (ushort)(100 + i), 0, 1), i * Interval);
            recorder.Record(new RtpFields(0, (ushort)(500 + i), 0, 2), (i * Interval) + 7_000);
        }

        recorder.Record(new RtpFields(101, 103, 0, 1), 3 * Interval);
        recorder.Record(new RtpFields(0, 103, 0, 1), (3 * Interval) + 2_001);
        var summary = recorder.Summarize();
        check("demux: streams", 2L, summary.Counters.NewStreams);
        check("demux: packets", 8L, summary.Counters.Packets);
        check("demux: wrong payload type", 1L, summary.Counters.WrongPayloadType);
        check("demux: gaps", 5L, summary.Gaps);
        check("demux: p50", 0L, summary.P50Microseconds);
        check("demux: max (just outside 2 ms)", 2_001L, summary.MaxMicroseconds);
        check("demux: within", 0.8, summary.WithinTolerance);
        check("demux: share 0-1 ms", 0.8, summary.Distribution[0]);
        check("demux: share 2-5 ms", 0.2, summary.Distribution[2]);
        check("demux: share above 20 ms", 0.0, summary.Distribution[^1]);
    }

    private static void CheckResetAndParsing(Action<string, object, object> check)
    {
        var recorder = NewRecorder();
        recorder.Record(new RtpFields(0, 1, 0, 3), 0);
        recorder.Record(new RtpFields(0, 2, 0, 3), Interval + 9_000);
        recorder.Reset();
        recorder.Record(new RtpFields(0, 3, 0, 3), (2 * Interval) + 9_000);
        var summary = recorder.Summarize();
        check("reset: packets", 1L, summary.Counters.Packets);
        check("reset: the first gap after a reset is measured", 1L, summary.Gaps);
        check("reset: its deviation", 0L, summary.MaxMicroseconds);
        check("reset: streams", 1L, summary.Counters.NewStreams);

        Span<byte> packet = stackalloc byte[12];
        RtpFields.Write(packet, 8, 0xBEEF, 0x01020304, 0xCAFEBABE);
        check("parse: round trip", true, RtpFields.TryRead(packet, out var fields)
            && fields == new RtpFields(8, 0xBEEF, 0x01020304, 0xCAFEBABE));
        check("parse: short", false, RtpFields.TryRead(packet[..11], out _));
        packet[1] = 200; // an RTCP sender report multiplexed on the port
        check("parse: RTCP refused", false, RtpFields.TryRead(packet, out _));
        packet[0] = 0x40;
        check("parse: version 1 refused", false, RtpFields.TryRead(packet, out _));
        var random = new Random(3550);
        var noise = new byte[64];
        for (int i = 0; i < 10_000; i++)
        {
            random.NextBytes(noise);
            RtpFields.TryRead(noise.AsSpan(0, random.Next(noise.Length)), out _);
        }
    }

    private static void CheckSocketTableLine(Action<string, object, object> check)
    {
        const string line = "  123: 0100007F:3E80 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 4242 2 0000000000000000 17";
        check("proc line: parsed", true, SocketDrops.TryParseLine(line, out int port, out long drops));
        check("proc line: port", 16000, port);
        check("proc line: drops", 17L, drops);
        check("proc header refused", false, SocketDrops.TryParseLine("  sl  local_address rem_address   st", out _, out _));
    }

    private static PacingRecorder NewRecorder() =>
        new(Frequency, TimeSpan.FromMicroseconds(Interval), expectedPayloadType: 0, TimeSpan.FromMilliseconds(2));
}
