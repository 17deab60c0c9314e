using System.Globalization;
using System.Text.RegularExpressions;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Media;
using CallCenter.Interop.Tests.Sipp;
using CallCenter.Media.G711;

namespace CallCenter.Interop.Tests;

/// <summary>
/// The press-1 call path with variations on the caller's side: SIP over TCP, the key sent as SIP INFO, and an A-law
/// caller bridged to a mu-law agent (the server transcodes). The agent is a sipp UAS registered as 1001.
/// </summary>
public sealed partial class SippCallVariantsTests
{
    // sipp's shipped A-law speech: 236 RTP packets of 30 ms (240-byte payloads).
    private const string SpeechCapture = "/usr/share/sip-tester/g711a.pcap";

    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AgentExitLimit = TimeSpan.FromSeconds(15);

    [InteropFact(SippRunner.Program)]
    public async Task Caller_over_tcp_presses_1_and_is_bridged_to_the_agent_then_hangs_up()
    {
        using var workspace = new InteropWorkspace("call-tcp");
        await using var server = await ServerHost.StartMd5Async(workspace);
        await using var agent = await SippAgentUas.StartAsync(workspace, server, new SippUasRun(null));

        var caller = await SippRunner.RunAsync(workspace, new SippRun("call_press_1.xml", server.SipPort)
        {
            Transport = SippTransport.Tcp,
            LogName = "caller",
            ExtraArguments = MediaPortArguments(),
            Timeout = TimeSpan.FromSeconds(30),
        });

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        Assert.Contains("TCP message received", caller.MessageLog, StringComparison.Ordinal);
        await AssertAgentWasBridgedAndReleasedAsync(agent, caller);
        Assert.True(await CallsSettled.WithinAsync(server, "caller-hangup", SettleLimit), await CallsSettled.DescribeAsync(server));
    }

    [InteropFact(SippRunner.Program)]
    public async Task Caller_presses_1_by_sip_info_dtmf_relay_and_is_bridged_to_the_agent()
    {
        using var workspace = new InteropWorkspace("call-info");
        await using var server = await ServerHost.StartMd5Async(workspace);
        await using var agent = await SippAgentUas.StartAsync(workspace, server, new SippUasRun(null));

        var caller = await SippRunner.RunAsync(workspace, new SippRun("call_press_1_info.xml", server.SipPort)
        {
            LogName = "caller",
            ExtraArguments = MediaPortArguments(),
            Timeout = TimeSpan.FromSeconds(30),
        });

        // The scenario itself requires 200 to the INFO; the agent being rung proves the key was understood.
        Assert.True(caller.AllSucceeded(1), caller.Describe());
        Assert.Contains("Content-Type: application/dtmf-relay", caller.MessageLog, StringComparison.Ordinal);
        await AssertAgentWasBridgedAndReleasedAsync(agent, caller);
        Assert.True(await CallsSettled.WithinAsync(server, "caller-hangup", SettleLimit), await CallsSettled.DescribeAsync(server));
    }

    [InteropFact(SippRunner.Program)]
    public async Task Alaw_caller_is_bridged_to_a_mulaw_agent_and_its_speech_reaches_the_agent_transcoded()
    {
        using var workspace = new InteropWorkspace("call-pcma");
        using var agentRtp = new RtpSink();
        await using var server = await ServerHost.StartMd5Async(workspace);
        await using var agent = await SippAgentUas.StartAsync(workspace, server, new SippUasRun("agent_answer_pcmu.xml")
        {
            Keys = new Dictionary<string, string> { ["agent_rtp_port"] = agentRtp.Port.ToString(CultureInfo.InvariantCulture) },
        });

        var caller = await SippRunner.RunAsync(workspace, new SippRun("call_pcma_press_1_talk.xml", server.SipPort)
        {
            LogName = "caller",
            ExtraArguments = MediaPortArguments(),
            Timeout = TimeSpan.FromSeconds(30),
        });

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        Assert.Equal("8", AnsweredPayloadTypes(caller.MessageLog).FirstOrDefault());
        await AssertAgentWasBridgedAndReleasedAsync(agent, caller);
        Assert.True(await CallsSettled.WithinAsync(server, "caller-hangup", SettleLimit), await CallsSettled.DescribeAsync(server));

        // What reached the agent: the caller's A-law speech packets (240-byte payloads; prompts and tones are 160),
        // re-encoded as mu-law, one for one and in order.
        Assert.True(PcapRtpReader.TryRead(File.ReadAllBytes(SpeechCapture), out var spoken, out var error), error);
        var relayed = agentRtp.Snapshot().Where(packet => packet.Payload.Length == spoken[0].Payload.Length).ToArray();
        Assert.All(relayed, packet => Assert.Equal(0, packet.PayloadType));
        Assert.InRange(relayed.Length, spoken.Count * 9 / 10, spoken.Count);
        for (var i = 0; i < relayed.Length; i++)
        {
            var expected = new byte[spoken[i].Payload.Length];
            G711Transcoder.ALawToMuLaw(spoken[i].Payload, expected);
            Assert.True(expected.AsSpan().SequenceEqual(relayed[i].Payload), $"relayed packet {i} is not speech packet {i} converted from A-law to mu-law");
        }
    }

    private static string[] MediaPortArguments() => ["-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture)];

    private static async Task AssertAgentWasBridgedAndReleasedAsync(SippAgentUas agent, SippResult caller)
    {
        var exit = await agent.WaitForExitAsync(AgentExitLimit);
        var log = agent.MessageLog;
        Assert.True(exit.Succeeded, agent.Describe(exit) + "\n--- caller ---\n" + caller.Describe());
        Assert.Contains($"INVITE sip:1001@127.0.0.1:{agent.Port}", log, StringComparison.Ordinal);
        Assert.Contains("BYE sip:", log, StringComparison.Ordinal);
    }

    /// <summary>The payload types of the m= line in the first 200 OK of a sipp message trace (the server's SDP answer).</summary>
    private static IReadOnlyList<string> AnsweredPayloadTypes(string messageLog)
    {
        var okAt = messageLog.IndexOf("SIP/2.0 200 OK", StringComparison.Ordinal);
        var media = okAt < 0 ? Match.Empty : AudioMediaLine().Match(messageLog, okAt);
        return media.Success ? media.Groups["formats"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
    }

    [GeneratedRegex(@"^m=audio \d+ RTP/AVP (?<formats>[0-9 ]+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex AudioMediaLine();
}
