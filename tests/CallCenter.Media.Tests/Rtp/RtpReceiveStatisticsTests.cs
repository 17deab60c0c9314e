using CallCenter.Media.Rtp;

namespace CallCenter.Media.Tests.Rtp;

/// <summary>RFC 3550 Appendix A.1 (sequence validation), A.3 (loss) and A.8 (jitter) on synthesized streams.</summary>
public class RtpReceiveStatisticsTests
{
    private const uint SamplesPerPacket = 160;

    [Fact]
    public void A_new_source_is_on_probation_until_two_packets_arrive_in_sequence()
    {
        var statistics = new RtpReceiveStatistics(1);
        Assert.Equal(RtpSequenceStatus.InProbation, Feed(statistics, 1000));
        Assert.False(statistics.IsValidated);
        Assert.Equal(0, statistics.PacketsExpected);
        Assert.Equal(RtpSequenceStatus.Accepted, Feed(statistics, 1001));
        Assert.True(statistics.IsValidated);
        Assert.Equal(1, statistics.PacketsReceived);
        Assert.Equal(1, statistics.PacketsExpected);
    }

    [Fact]
    public void Out_of_sequence_packets_keep_a_source_on_probation()
    {
        var statistics = new RtpReceiveStatistics(1);
        Assert.Equal(RtpSequenceStatus.InProbation, Feed(statistics, 10));
        Assert.Equal(RtpSequenceStatus.InProbation, Feed(statistics, 500));
        Assert.Equal(RtpSequenceStatus.InProbation, Feed(statistics, 7));
        Assert.False(statistics.IsValidated);
        Assert.Equal(RtpSequenceStatus.Accepted, Feed(statistics, 8));
        Assert.True(statistics.IsValidated);
    }

    [Fact]
    public void A_longer_probation_can_be_asked_for()
    {
        var statistics = new RtpReceiveStatistics(1, minSequential: 4);
        Assert.Equal(RtpSequenceStatus.InProbation, Feed(statistics, 1));
        Assert.Equal(RtpSequenceStatus.InProbation, Feed(statistics, 2));
        Assert.Equal(RtpSequenceStatus.InProbation, Feed(statistics, 3));
        Assert.Equal(RtpSequenceStatus.Accepted, Feed(statistics, 4));
    }

    [Fact]
    public void An_unbroken_stream_loses_nothing()
    {
        var statistics = FeedAll(Enumerable.Range(1000, 100));
        Assert.Equal(99, statistics.PacketsReceived);
        Assert.Equal(99, statistics.PacketsExpected);
        Assert.Equal(0, statistics.CumulativeLost);
        Assert.Equal(1099u, statistics.ExtendedHighestSequence);
    }

    [Fact]
    public void Gaps_count_as_lost()
    {
        // 5 packets (2010..2014) never arrive.
        var statistics = FeedAll(Enumerable.Range(2000, 10).Concat(Enumerable.Range(2015, 10)));
        Assert.Equal(5, statistics.CumulativeLost);
        Assert.Equal(2024u, statistics.ExtendedHighestSequence);
    }

    [Fact]
    public void Reordered_packets_are_late_not_lost()
    {
        var statistics = new RtpReceiveStatistics(1);
        var statuses = new[] { 1, 2, 3, 5, 4, 6, 7 }.Select(s => Feed(statistics, (ushort)s)).ToArray();
        Assert.Equal(RtpSequenceStatus.Late, statuses[4]);
        Assert.Equal(0, statistics.CumulativeLost);
        Assert.Equal(1, statistics.LatePackets);
        Assert.Equal(7u, statistics.ExtendedHighestSequence);
    }

    [Fact]
    public void Duplicates_make_the_cumulative_loss_negative()
    {
        var statistics = FeedAll([1, 2, 3, 3, 4, 4, 5]);
        Assert.Equal(-2, statistics.CumulativeLost);
        Assert.Equal(2, statistics.LatePackets);
    }

    [Fact]
    public void The_sequence_wrap_is_counted_in_the_extended_highest_sequence()
    {
        var sequence = Enumerable.Range(65530, 20).Select(n => n & 0xFFFF);
        var statistics = FeedAll(sequence);
        Assert.Equal(65536u + 13, statistics.ExtendedHighestSequence);
        Assert.Equal(0, statistics.CumulativeLost);
        Assert.Equal(19, statistics.PacketsExpected);
    }

    [Fact]
    public void A_late_packet_from_before_the_wrap_does_not_count_a_second_wrap()
    {
        var statistics = FeedAll([65533, 65534, 0, 65535, 1, 2]);
        Assert.Equal(65536u + 2, statistics.ExtendedHighestSequence);
        Assert.Equal(0, statistics.CumulativeLost);
        Assert.Equal(1, statistics.LatePackets);
    }

    [Fact]
    public void Loss_across_the_wrap_is_counted()
    {
        var statistics = FeedAll([65530, 65531, 65532, 2, 3]);
        Assert.Equal(65536u + 3, statistics.ExtendedHighestSequence);
        Assert.Equal(5, statistics.CumulativeLost);
    }

    [Fact]
    public void Many_wraps_accumulate()
    {
        var statistics = FeedAll(Enumerable.Range(0, (3 * 65536) + 10).Select(n => n & 0xFFFF));
        Assert.Equal((3u * 65536) + 9, statistics.ExtendedHighestSequence);
        Assert.Equal(0, statistics.CumulativeLost);
    }

    [Fact]
    public void A_single_huge_jump_is_rejected_and_a_confirmed_one_restarts_the_count()
    {
        var statistics = FeedAll(Enumerable.Range(100, 50));
        Assert.Equal(RtpSequenceStatus.Rejected, Feed(statistics, 40000));
        Assert.Equal(RtpSequenceStatus.Accepted, Feed(statistics, 150));
        Assert.Equal(1, statistics.RejectedPackets);

        Assert.Equal(RtpSequenceStatus.Rejected, Feed(statistics, 30000));
        Assert.Equal(RtpSequenceStatus.Restarted, Feed(statistics, 30001));
        Assert.Equal(1, statistics.Restarts);
        Assert.Equal(1, statistics.PacketsReceived);
        Assert.Equal(30001u, statistics.ExtendedHighestSequence);
        Assert.Equal(RtpSequenceStatus.Accepted, Feed(statistics, 30002));
        Assert.Equal(0, statistics.CumulativeLost);
    }

    [Fact]
    public void A_jump_just_below_the_dropout_limit_is_a_gap()
    {
        var statistics = FeedAll([10, 11]);
        Assert.Equal(RtpSequenceStatus.Accepted, Feed(statistics, (ushort)(11 + RtpReceiveStatistics.MaxDropout - 1)));
        Assert.Equal(RtpReceiveStatistics.MaxDropout - 2, statistics.CumulativeLost);
    }

    [Fact]
    public void A_step_back_beyond_the_misorder_window_is_a_jump()
    {
        var statistics = FeedAll(Enumerable.Range(1000, 200));
        Assert.Equal(RtpSequenceStatus.Late, Feed(statistics, (ushort)(1199 - RtpReceiveStatistics.MaxMisorder + 1)));
        Assert.Equal(RtpSequenceStatus.Rejected, Feed(statistics, (ushort)(1199 - RtpReceiveStatistics.MaxMisorder)));
    }

    [Fact]
    public void Fraction_lost_covers_each_report_interval_separately()
    {
        // Interval 1: 1..20 with 3, 4 missing (18 expected after probation, 2 lost).
        var statistics = FeedAll(Enumerable.Range(1, 20).Where(n => n is not (3 or 4)));
        var first = statistics.CreateReportBlock();
        Assert.Equal((byte)(2 * 256 / 19), first.FractionLost);
        Assert.Equal(2, first.CumulativeLost);
        Assert.Equal(20u, first.ExtendedHighestSequence);
        Assert.Equal(1u, first.Ssrc);

        // Interval 2: 21..40 complete.
        foreach (int n in Enumerable.Range(21, 20))
        {
            Feed(statistics, (ushort)n);
        }

        var second = statistics.CreateReportBlock();
        Assert.Equal(0, second.FractionLost);
        Assert.Equal(2, second.CumulativeLost);

        // Interval 3: half of 41..50 lost.
        foreach (int n in Enumerable.Range(41, 10).Where(n => n % 2 == 0))
        {
            Feed(statistics, (ushort)n);
        }

        var third = statistics.CreateReportBlock(lastSenderReport: 0x12345678, delaySinceLastSenderReport: 0x10000);
        Assert.Equal((byte)(5 * 256 / 10), third.FractionLost);
        Assert.Equal(7, third.CumulativeLost);
        Assert.Equal(0x12345678u, third.LastSenderReport);
        Assert.Equal(0x10000u, third.DelaySinceLastSenderReport);
    }

    [Fact]
    public void Duplicates_in_an_interval_give_a_zero_fraction_not_a_negative_one()
    {
        var statistics = FeedAll([1, 2, 3, 3, 3, 4]);
        Assert.Equal(0, statistics.CreateReportBlock().FractionLost);
    }

    [Fact]
    public void An_interval_with_no_packets_reports_zero_loss()
    {
        var statistics = FeedAll([1, 2, 3]);
        statistics.CreateReportBlock();
        Assert.Equal(0, statistics.CreateReportBlock().FractionLost);
    }

    [Fact]
    public void Perfectly_paced_packets_have_no_jitter()
    {
        var statistics = new RtpReceiveStatistics(1);
        for (int i = 0; i < 100; i++)
        {
            statistics.Update((ushort)i, (uint)(i * SamplesPerPacket), 5000 + (uint)(i * SamplesPerPacket));
        }

        Assert.Equal(0u, statistics.Jitter);
    }

    [Fact]
    public void Jitter_follows_the_first_order_filter_of_A8()
    {
        // Transit alternates between 0 and 80 timestamp units (10 ms at 8 kHz): |D| is 80 for every packet.
        var statistics = new RtpReceiveStatistics(1);
        double expected = 0;
        for (int i = 0; i < 400; i++)
        {
            uint timestamp = (uint)(i * SamplesPerPacket);
            uint delay = i % 2 == 0 ? 0u : 80u;
            statistics.Update((ushort)i, timestamp, timestamp + delay);
            if (i >= 2)
            {
                // Jitter starts once the source is validated (second packet) and has a previous transit (third).
                expected += (80 - expected) / 16;
            }

            Assert.Equal((uint)expected, statistics.Jitter);
        }

        Assert.Equal(79u, statistics.Jitter);
    }

    [Fact]
    public void Packets_repeating_a_timestamp_do_not_count_as_jitter()
    {
        // An RFC 4733 key press between audio frames: five event packets 20 ms apart all carry the event's start
        // timestamp (§2.5.1), then audio resumes 100 ms on. Arrivals are perfectly paced, so the jitter must stay 0.
        var statistics = new RtpReceiveStatistics(1);
        ushort sequence = 0;
        uint timestamp = 0;
        for (int i = 0; i < 10; i++, timestamp += SamplesPerPacket)
        {
            statistics.Update(sequence++, timestamp, 7000 + timestamp);
        }

        uint eventStart = timestamp;
        for (int i = 0; i < 5; i++, timestamp += SamplesPerPacket)
        {
            statistics.Update(sequence++, eventStart, 7000 + timestamp);
        }

        for (int i = 0; i < 10; i++, timestamp += SamplesPerPacket)
        {
            statistics.Update(sequence++, timestamp, 7000 + timestamp);
        }

        Assert.Equal(0u, statistics.Jitter);
        Assert.Equal(24, statistics.PacketsReceived);
    }

    [Fact]
    public void Jitter_survives_timestamp_and_arrival_wrap()
    {
        var statistics = new RtpReceiveStatistics(1);
        uint timestamp = uint.MaxValue - (10 * SamplesPerPacket);
        uint arrival = uint.MaxValue - 3;
        for (int i = 0; i < 40; i++)
        {
            statistics.Update((ushort)i, timestamp, arrival);
            timestamp += SamplesPerPacket;
            arrival += SamplesPerPacket;
        }

        Assert.Equal(0u, statistics.Jitter);
    }

    [Fact]
    public void Cumulative_loss_in_a_report_is_clamped_to_24_bits()
    {
        var statistics = new RtpReceiveStatistics(1);
        ushort sequence = 0;
        Feed(statistics, sequence++);
        Feed(statistics, sequence++);

        // Lose 2,999 packets per step, far more than 2^23 in total.
        for (int i = 0; i < 3000; i++)
        {
            sequence = unchecked((ushort)(sequence + RtpReceiveStatistics.MaxDropout - 1));
            Feed(statistics, sequence);
        }

        Assert.True(statistics.CumulativeLost > 0x7FFFFF);
        Assert.Equal(0x7FFFFF, statistics.CreateReportBlock().CumulativeLost);
    }

    [Fact]
    public void Summary_matches_the_properties()
    {
        var statistics = FeedAll([5, 6, 8]);
        var summary = statistics.GetSummary();
        Assert.Equal(new RtpReceiveSummary(1, 2, 3, 1, 8, 0), summary);
    }

    private static RtpSequenceStatus Feed(RtpReceiveStatistics statistics, ushort sequence) =>
        statistics.Update(sequence, sequence * SamplesPerPacket, sequence * SamplesPerPacket);

    private static RtpReceiveStatistics FeedAll(IEnumerable<int> sequence)
    {
        var statistics = new RtpReceiveStatistics(1);
        foreach (int n in sequence)
        {
            Feed(statistics, (ushort)n);
        }

        return statistics;
    }
}
