using System.Diagnostics;
using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Media;
using CallCenter.Interop.Tests.Sipp;
using CallCenter.Media.G711;
using Xunit.Abstractions;

namespace CallCenter.Interop.Tests;

/// <summary>
/// The greeting as the caller's phone receives it: a sipp caller whose SDP names a UDP socket the test holds, so the
/// test sees every RTP packet the server sends — codec, size, pacing and content.
/// </summary>
public sealed class GreetingRtpTests(ITestOutputHelper output)
{
    private const int FrameBytes = 160;
    private const double FrameMilliseconds = 20;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1.5);

    [InteropFact(SippRunner.Program)]
    public async Task Greeting_arrives_as_pcmu_frames_of_the_welcome_prompt_every_20_ms()
    {
        using var workspace = new InteropWorkspace("greeting-rtp");
        using var callerRtp = new RtpSink();
        await using var server = await ServerHost.StartMd5Async(workspace);

        var caller = await SippRunner.RunAsync(workspace, new SippRun("call_listen.xml", server.SipPort)
        {
            LogName = "caller",
            ExtraArguments =
            [
                "-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture),
                "-key", "rtp_sink_port", callerRtp.Port.ToString(CultureInfo.InvariantCulture),
            ],
        });

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        Assert.True(await CallsSettled.WithinAsync(server, "caller-hangup", TimeSpan.FromSeconds(5)), await CallsSettled.DescribeAsync(server));

        var all = callerRtp.Snapshot();
        Assert.NotEmpty(all);
        var windowEnd = all[0].ArrivalTicks + (long)(Window.TotalSeconds * Stopwatch.Frequency);
        var window = all.TakeWhile(packet => packet.ArrivalTicks <= windowEnd).ToArray();

        // RFC 3551 §4.5.14 / §4.2: PCMU is payload type 0, 8000 samples/s, so a 20 ms packet carries 160 bytes.
        Assert.All(window, packet => Assert.Equal(0, packet.PayloadType));
        Assert.All(window, packet => Assert.Equal(FrameBytes, packet.Payload.Length));

        var gaps = ArrivalStatistics.GapsMilliseconds(window.Select(packet => packet.ArrivalTicks).ToArray());
        var median = ArrivalStatistics.Percentile(gaps, 50);
        var p90 = ArrivalStatistics.Percentile(gaps, 90);
        var mean = gaps.Average();
        var pacing = $"{window.Length} packets in {Window.TotalSeconds} s; gaps mean {mean:F2} ms, median {median:F2} ms, p90 {p90:F2} ms, max {gaps.Max():F2} ms";
        output.WriteLine(pacing);
        Assert.True(window.Length >= 60, pacing);

        // Correctness, not the benchmark (bench/README holds the p99 ±2 ms figure under load): the stream keeps a
        // 20 ms cadence without drift (mean), most gaps are on time (median, p90), and nothing stalls long enough to
        // be heard as a drop-out. One late tick on a CI machine running other tests is tolerated.
        Assert.InRange(mean, FrameMilliseconds - 1, FrameMilliseconds + 1);
        Assert.InRange(median, FrameMilliseconds - 2, FrameMilliseconds + 2);
        Assert.InRange(p90, FrameMilliseconds - 5, FrameMilliseconds + 5);
        Assert.True(gaps.Max() < 60, pacing);

        AssertWindowPlaysTheGreeting(window);
    }

    /// <summary>
    /// Before the greeting the leg sends silence (from the 200 OK until the ACK starts the prompt). The first frame
    /// that is not silence must be the greeting's first audible frame, and every later frame in the window must follow
    /// the greeting in order.
    /// </summary>
    private static void AssertWindowPlaysTheGreeting(IReadOnlyList<ReceivedRtp> window)
    {
        var greeting = PromptAudio.Frames(PromptAudio.Load().Get("en/welcome"), G711Law.MuLaw);
        var firstAudibleFrame = IndexOfFirstAudible(greeting);
        var firstAudiblePacket = IndexOfFirstAudible(window.Select(packet => packet.Payload).ToArray());
        Assert.True(firstAudibleFrame >= 0, "en/welcome is all silence");
        Assert.True(firstAudiblePacket >= 0, "the caller received only silence during the first 1.5 s");

        var compared = 0;
        for (var i = firstAudiblePacket; i < window.Count && firstAudibleFrame + compared < greeting.Count; i++, compared++)
        {
            Assert.True(
                greeting[firstAudibleFrame + compared].AsSpan().SequenceEqual(window[i].Payload),
                $"packet {i} (sequence number {window[i].SequenceNumber}) is not frame {firstAudibleFrame + compared} of en/welcome");
        }

        Assert.True(compared >= 25, $"only {compared} greeting frames arrived in the window");
    }

    private static int IndexOfFirstAudible(IReadOnlyList<byte[]> frames)
    {
        for (var i = 0; i < frames.Count; i++)
        {
            if (!PromptAudio.IsSilence(frames[i], G711Law.MuLaw))
            {
                return i;
            }
        }

        return -1;
    }
}
