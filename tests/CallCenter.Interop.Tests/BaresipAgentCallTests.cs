using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Media;
using CallCenter.Interop.Tests.Peers;
using CallCenter.Interop.Tests.Sipp;
using Xunit.Abstractions;

namespace CallCenter.Interop.Tests;

/// <summary>
/// A real softphone as the agent, with audio both ways through the bridge. baresip registers as 1001, answers by
/// itself and streams a 1 kHz tone; a sipp caller (A-law only) presses 1, is bridged to it, echoes back every RTP
/// packet it receives (<c>-rtp_echo</c>) and speaks (sipp's shipped A-law speech). baresip's recording of what it
/// heard then holds two things that can only have come through the server: the caller's speech (caller → agent,
/// transcoded to baresip's codec) and its own tone returned by the caller's echo (agent → caller → agent).
/// They are told apart by frequency: the speech has energy below 700 Hz where a 1 kHz tone has none, and the tone
/// is far louder around 1 kHz than the speech.
/// </summary>
public sealed class BaresipAgentCallTests(ITestOutputHelper output)
{
    // Longer than the whole test: baresip hangs up when its audio source ends.
    private const int ToneSeconds = 60;
    private const int ToneHertz = 1000;
    private const int BaresipRunSeconds = 40;
    private const double SilenceCeiling = 0.01;

    // The tone is written at half scale (RMS 0.35); speech around 1 kHz stays well under this.
    private const double EchoedToneFloor = 0.1;

    [InteropFact(SippRunner.Program, BaresipProfile.Program, Sox.Program)]
    public async Task Audio_flows_both_ways_between_a_sipp_caller_and_baresip_through_the_bridge()
    {
        using var workspace = new InteropWorkspace("call-baresip");
        await using var server = await ServerHost.StartMd5Async(workspace);
        var tone = await Sox.WriteToneAsync(workspace, "agent-tone.wav", ToneSeconds, ToneHertz);
        var recordings = workspace.Subdirectory("recordings");
        var profile = BaresipProfile.WriteAnsweringAgent(
            workspace, "baresip", LoopbackPorts.ReserveOne(), server.SipPort, TestAgent.Default, tone, recordings);

        // timeout(1) bounds baresip even if the test process dies; the tree is killed when the test ends.
        await using var baresip = PeerProcess.Start(new PeerCommand(
            "timeout",
            ["--kill-after=5", (BaresipRunSeconds + 5).ToString(CultureInfo.InvariantCulture), BaresipProfile.Program, .. BaresipProfile.Arguments(profile, BaresipRunSeconds)],
            workspace.Root,
            "baresip"));
        Assert.True(
            await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(10), async () => (await server.GetRegistrationsOfAsync("1001")).Count == 1),
            "baresip did not register\n" + PeerExit.ReadOrEmpty(baresip.StdoutPath));

        var caller = await SippRunner.RunAsync(workspace, new SippRun("call_pcma_press_1_talk.xml", server.SipPort)
        {
            LogName = "caller",
            ExtraArguments = ["-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture), "-rtp_echo"],
            Timeout = TimeSpan.FromSeconds(30),
        });

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        Assert.True(await CallsSettled.WithinAsync(server, "caller-hangup", TimeSpan.FromSeconds(5)), await CallsSettled.DescribeAsync(server));

        // baresip's stdout is block-buffered into a pipe, so the recording, not its log, shows that it took the call.
        // sndfile completes the WAV header when baresip ends the call, a moment after the BYE exchange.
        var heard = Assert.Single(BaresipProfile.DecodedRecordings(recordings));
        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(5), () => WavFileState.IsComplete(heard)), $"{heard} was never completed");
        var overall = await Sox.RmsAmplitudeAsync(workspace, heard);
        var belowTone = await Sox.RmsAmplitudeAsync(workspace, heard, "sinc", "-700");
        var aroundTone = await Sox.RmsAmplitudeAsync(workspace, heard, "sinc", "900-1100");
        var levels = $"baresip heard {new FileInfo(heard).Length} bytes: RMS amplitude {overall:F4} overall, {belowTone:F4} below 700 Hz, {aroundTone:F4} at 900-1100 Hz";
        output.WriteLine(levels);

        Assert.True(overall > SilenceCeiling, "baresip heard only silence; " + levels);
        Assert.True(belowTone > SilenceCeiling, "the caller's speech did not reach baresip; " + levels);
        Assert.True(aroundTone > EchoedToneFloor, "baresip's own tone did not come back through the caller's echo; " + levels);
    }
}
