using CallCenter.Media.Tests.Transport.Support;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Media.Tests.Transport;

/// <summary>"No RTP for 30 s" detection, driven by a fake clock; packets cross real loopback sockets.</summary>
public class InactivityTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Silence_from_the_start_is_reported_once_after_the_timeout()
    {
        using var harness = new MediaTransportHarness(29200, useEpoll: true, _time);
        var handler = new RecordingHandler();
        harness.Open(handler);

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(handler.Inactivity);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([TimeSpan.FromSeconds(30)], handler.Inactivity);
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.Single(handler.Inactivity);
    }

    [Fact]
    public void Rtp_resets_the_timer_and_rearms_the_report()
    {
        using var harness = new MediaTransportHarness(29200, useEpoll: true, _time);
        var handler = new RecordingHandler();
        var endpoint = harness.Open(handler);
        var peer = harness.Peer();
        endpoint.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);

        _time.Advance(TimeSpan.FromSeconds(20));
        peer.SendRtp(endpoint.LocalRtpEndPoint, 1, 5);
        Eventually.True(() => handler.Rtp.Count == 1, "packet delivered");
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(handler.Inactivity);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(handler.Inactivity);

        // RTP resumes, then stops again: a second report.
        peer.SendRtp(endpoint.LocalRtpEndPoint, 2, 5);
        Eventually.True(() => handler.Rtp.Count == 2, "second packet delivered");
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, handler.Inactivity.Count);
    }

    [Fact]
    public void Packets_from_other_sources_do_not_count_as_activity()
    {
        using var harness = new MediaTransportHarness(29200, useEpoll: true, _time);
        var handler = new RecordingHandler();
        var endpoint = harness.Open(handler);
        var peer = harness.Peer();
        var stranger = harness.Peer();
        endpoint.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
        peer.SendRtp(endpoint.LocalRtpEndPoint, 1, 5);
        Eventually.True(() => endpoint.IsLatched, "latched");

        _time.Advance(TimeSpan.FromSeconds(15));
        stranger.SendRtp(endpoint.LocalRtpEndPoint, 1, 6);
        stranger.SendRtp(endpoint.LocalRtpEndPoint, 1, 6, payloadType: 77);
        Eventually.True(() => endpoint.Counters.RtpFromOtherSources + endpoint.Counters.RtpUnexpectedPayloadType == 2, "stranger counted");
        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.Single(handler.Inactivity);
    }

    [Fact]
    public void The_timeout_is_per_endpoint_and_can_be_suspended()
    {
        using var harness = new MediaTransportHarness(29200, useEpoll: true, _time, o => o.InactivityTimeout = TimeSpan.FromSeconds(10));
        var onHold = new RecordingHandler();
        var shortTimeout = new RecordingHandler();
        var held = harness.Open(onHold);
        var impatient = harness.Open(shortTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), held.InactivityTimeout);
        held.InactivityTimeout = Timeout.InfiniteTimeSpan;
        impatient.InactivityTimeout = TimeSpan.FromSeconds(3);

        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Single(shortTimeout.Inactivity);
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(onHold.Inactivity);
        Assert.Equal(Timeout.InfiniteTimeSpan, held.InactivityTimeout);
        Assert.Throws<ArgumentOutOfRangeException>(() => held.InactivityTimeout = TimeSpan.Zero);
    }

    [Fact]
    public void A_new_sdp_restarts_the_timer()
    {
        using var harness = new MediaTransportHarness(29200, useEpoll: true, _time);
        var handler = new RecordingHandler();
        var endpoint = harness.Open(handler);
        var peer = harness.Peer();
        _time.Advance(TimeSpan.FromSeconds(25));
        endpoint.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
        _time.Advance(TimeSpan.FromSeconds(25));
        Assert.Empty(handler.Inactivity);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Single(handler.Inactivity);
    }

    [Fact]
    public void Disposed_endpoints_are_not_checked()
    {
        using var harness = new MediaTransportHarness(29200, useEpoll: true, _time);
        var handler = new RecordingHandler();
        harness.Open(handler).Dispose();
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(handler.Inactivity);
    }
}
