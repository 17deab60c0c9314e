using System.Diagnostics;
using System.Globalization;
using System.Text;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Media;
using CallCenter.Interop.Tests.Sipp;
using CallCenter.Media.Rtcp;
using Xunit.Abstractions;

namespace CallCenter.Interop.Tests;

/// <summary>
/// RTCP as a caller's phone receives it (RFC 3550 §6): a sipp caller whose SDP names a UDP socket the test holds, and
/// no a=rtcp, so the server's RTCP must go to that port + 1, where the test holds a second socket.
/// </summary>
public sealed class ServerRtcpTests(ITestOutputHelper output)
{
    private static readonly TimeSpan FirstReportLimit = TimeSpan.FromSeconds(7);

    [InteropFact(SippRunner.Program)]
    public async Task Server_sends_a_sender_report_with_its_cname_to_rtp_port_plus_one_within_7_s_then_a_bye()
    {
        using var workspace = new InteropWorkspace("rtcp-sr");
        var (callerRtp, callerRtcp) = RtcpSink.BindPair();
        using var rtpSink = callerRtp;
        using var rtcpSink = callerRtcp;
        await using var server = await ServerHost.StartMd5Async(workspace);

        var caller = await SippRunner.RunAsync(workspace, new SippRun("call_listen_8s.xml", server.SipPort)
        {
            LogName = "caller",
            ExtraArguments =
            [
                "-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture),
                "-key", "rtp_sink_port", rtpSink.Port.ToString(CultureInfo.InvariantCulture),
            ],
            Timeout = TimeSpan.FromSeconds(30),
        });

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        Assert.True(await CallsSettled.WithinAsync(server, "caller-hangup", TimeSpan.FromSeconds(5)), await CallsSettled.DescribeAsync(server));
        var rtp = rtpSink.Snapshot();
        var rtcp = rtcpSink.Snapshot();
        Assert.NotEmpty(rtp);
        Assert.NotEmpty(rtcp);
        output.WriteLine($"{rtp.Count} RTP packets, {rtcp.Count} RTCP datagrams");

        // The leg starts sending (silence, then the greeting) as it answers, so its first RTP packet marks the answer.
        var answered = rtp[0].ArrivalTicks;
        var reports = rtcp.Select(datagram => (datagram, Report: ServerReport.Parse(datagram.Bytes))).ToArray();
        var (firstDatagram, first) = reports.First(r => r.Report.Goodbyes.Count == 0);
        var delay = Stopwatch.GetElapsedTime(answered, firstDatagram.ArrivalTicks);
        output.WriteLine($"first periodic report {delay.TotalSeconds:F2} s after the first RTP packet");
        Assert.True(delay < FirstReportLimit, $"the first periodic report came {delay.TotalSeconds:F2} s after answering");

        // §6.4.1: an SR (the leg was sending), from the same SSRC as the RTP, with sender information that matches
        // what the caller received, and the SDES CNAME every compound carries (§6.5.1).
        Assert.True(first.IsSenderReport);
        Assert.Equal(rtp[0].Ssrc, first.Ssrc);
        Assert.StartsWith("callcenter@", first.CanonicalName, StringComparison.Ordinal);
        Assert.Empty(first.Blocks);
        var rtpBefore = rtp.Where(packet => packet.ArrivalTicks <= firstDatagram.ArrivalTicks).ToArray();
        Assert.InRange(first.SenderInfo!.Value.PacketCount, (uint)rtpBefore.Length - 5, (uint)rtpBefore.Length + 5);
        Assert.Equal(first.SenderInfo.Value.PacketCount * 160, first.SenderInfo.Value.OctetCount);
        var rtpLag = unchecked((int)(first.SenderInfo.Value.RtpTimestamp - rtpBefore[^1].Timestamp));
        Assert.InRange(rtpLag, -800, 800); // within 100 ms of the last frame's timestamp
        var wallclock = NtpTime.FromDateTimeOffset(firstDatagram.ArrivalWallclock);
        var ntpLagSeconds = unchecked((long)(wallclock - first.SenderInfo.Value.NtpTimestamp)) / 4294967296.0; // 2^32 units a second
        Assert.True(Math.Abs(ntpLagSeconds) < 1, $"the SR's NTP time is {ntpLagSeconds:F3} s off the wallclock");

        // §6.6: the caller hung up, so the leg's last compound ends with a BYE for its SSRC.
        var last = reports[^1].Report;
        Assert.Equal([rtp[0].Ssrc], last.Goodbyes);
        Assert.Equal(first.CanonicalName, last.CanonicalName);
    }

    /// <summary>A compound RTCP packet from the server, read with the library's parsers; fails unless it is valid (§6.1, A.2).</summary>
    private sealed record ServerReport(uint Ssrc, RtcpSenderInfo? SenderInfo, IReadOnlyList<RtcpReportBlock> Blocks, string? CanonicalName, IReadOnlyList<uint> Goodbyes)
    {
        public bool IsSenderReport => SenderInfo is not null;

        public static ServerReport Parse(byte[] datagram)
        {
            Assert.True(RtcpCompoundPacket.TryParse(datagram, out var compound, out var error), $"invalid compound RTCP: {error}");
            uint ssrc = 0;
            RtcpSenderInfo? info = null;
            string? cname = null;
            var blocks = new List<RtcpReportBlock>();
            var goodbyes = new List<uint>();
            foreach (var packet in compound)
            {
                if (RtcpSenderReport.TryParse(packet, out var sr, out _))
                {
                    (ssrc, info) = (sr.Ssrc, sr.SenderInfo);
                    for (var i = 0; i < sr.ReportCount; i++)
                    {
                        blocks.Add(sr.GetReportBlock(i));
                    }
                }
                else if (RtcpReceiverReport.TryParse(packet, out var rr, out _))
                {
                    ssrc = rr.Ssrc;
                    for (var i = 0; i < rr.ReportCount; i++)
                    {
                        blocks.Add(rr.GetReportBlock(i));
                    }
                }
                else if (RtcpSourceDescription.TryParse(packet, out var sdes, out _) && sdes.TryGetItem(ssrc, SdesItemType.CanonicalName, out var name))
                {
                    cname = Encoding.UTF8.GetString(name);
                }
                else if (RtcpGoodbye.TryParse(packet, out var bye, out _))
                {
                    for (var i = 0; i < bye.SourceCount; i++)
                    {
                        goodbyes.Add(bye.GetSource(i));
                    }
                }
            }

            return new ServerReport(ssrc, info, blocks, cname, goodbyes);
        }
    }
}
