using System.Globalization;
using System.Text;
using System.Text.Json;
using CallCenter.Calls.Routing;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Media;
using CallCenter.Interop.Tests.Sipp;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Interop.Tests;

/// <summary>
/// An agent's transfer goes back through routing, never blind to a person (<c>POST /api/agents/{extension}/transfer</c>):
/// sipp agents A (sales) and B (billing) are registered; a sipp caller pressing 1 once on a sales line reaches A through the
/// sales queue; A's transfer to billing ends A's leg with BYE, B is rung and answers, and the caller's speech reaches B,
/// with no second pass through the IVR.
/// </summary>
public sealed class RoutingTransferTests
{
    private const string SpeechCapture = "/usr/share/sip-tester/g711a.pcap";

    // sipp's A-law speech packets are 240 bytes (30 ms); prompts and tones are 160.
    private const int SpeechPayloadLength = 240;

    private static readonly TimeSpan StateLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(30);

    private static readonly TestAgent Sales = new("1001", "pw1001", "Sam") { Skills = new Dictionary<string, int> { ["sales"] = 8 } };
    private static readonly TestAgent Billing = new("1002", "pw1002", "Bea") { Skills = new Dictionary<string, int> { ["billing"] = 8 } };

    [InteropFact(SippRunner.Program)]
    public async Task An_agent_transfer_to_another_queue_hangs_up_the_agent_and_bridges_the_caller_to_the_agent_routing_finds()
    {
        using var workspace = new InteropWorkspace("routing-transfer");
        using var salesRtp = new RtpSink();
        using var billingRtp = new RtpSink();
        await using var server = await StartAsync(workspace);
        await using var sales = await SippAgentUas.StartAsync(workspace, server, Uas(Sales, salesRtp, "sales"));
        await using var billing = await SippAgentUas.StartAsync(workspace, server, Uas(Billing, billingRtp, "billing"));

        // The caller presses 1 once at 1.5 s, talks from 4.5 s for 7 s, then hangs up.
        var callerRun = SippRunner.RunAsync(workspace, new SippRun("call_pcma_press_1_talk.xml", server.SipPort)
        {
            LogName = "caller",
            ExtraArguments = ["-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture)],
            Timeout = TimeSpan.FromSeconds(40),
        });
        Assert.True(await Eventually.TrueWithinAsync(StateLimit, async () => StateOf(await AgentsAsync(server), Sales) == "on-call"), "A never took the call");

        var transfer = await server.Http.PostAsync($"/api/agents/{Sales.Extension}/transfer", Json("""{"queue":"billing"}"""));
        Assert.Equal(202, (int)transfer.StatusCode);
        Assert.True(
            await Eventually.TrueWithinAsync(StateLimit, async () => StateOf(await AgentsAsync(server), Billing) == "on-call"),
            "B never took the transferred call: " + await server.Http.GetStringAsync("/api/agents"));
        var agents = await AgentsAsync(server);

        Assert.Contains(StateOf(agents, Sales), new[] { "wrap-up", "available" });
        var caller = await callerRun;
        Assert.True(caller.AllSucceeded(1), caller.Describe());
        var salesExit = await sales.WaitForExitAsync(ExitLimit);
        Assert.True(salesExit.Succeeded, sales.Describe(salesExit));
        var billingExit = await billing.WaitForExitAsync(ExitLimit);
        Assert.True(billingExit.Succeeded, billing.Describe(billingExit));

        // A was released with BYE before B was rung: one call, passed on through routing.
        var salesBye = SippMessageTrace.First(SippMessageTrace.Parse(sales.MessageLog), "BYE sip:");
        var billingInvite = SippMessageTrace.First(SippMessageTrace.Parse(billing.MessageLog), "INVITE sip:1002@");
        Assert.True(salesBye is not null && billingInvite is not null && billingInvite.LoggedAt >= salesBye.LoggedAt.AddMilliseconds(-500), billing.MessageLog);

        // The caller pressed 1 only once: had the IVR started again it would still be waiting at its menu, and B would
        // never have been rung. Routing saw one arrival per queue, each answered.
        var queues = await Centre(server).GetQueuesAsync();
        Assert.Equal((1L, 1L), Totals(queues, "sales"));
        Assert.Equal((1L, 1L), Totals(queues, "billing"));

        // The caller's speech (played after the transfer) reached B, none of it A.
        Assert.True(PcapRtpReader.TryRead(File.ReadAllBytes(SpeechCapture), out var spoken, out var error), error);
        var toBilling = billingRtp.Snapshot().Count(p => p.Payload.Length == SpeechPayloadLength);
        Assert.InRange(toBilling, spoken.Count / 2, spoken.Count);
        Assert.Equal(0, salesRtp.Snapshot().Count(p => p.Payload.Length == SpeechPayloadLength));
    }

    /// <summary>
    /// The server with a sales line on 100 (the agent line's menu, queueing for <c>sales</c>), queues <c>sales</c> and
    /// <c>billing</c> (no wrap-up, no announcements).
    /// </summary>
    private static Task<ServerHost> StartAsync(InteropWorkspace workspace)
    {
        var flows = workspace.Subdirectory("flows");
        var agentLine = File.ReadAllText(Path.Combine(ServerHost.SampleFlowsDirectory, "agent-line.yaml"));
        var salesLine = agentLine.Replace("flow: agent-line", "flow: sales-line", StringComparison.Ordinal)
            .Replace("skills: [lang-en]", "skills: [sales]", StringComparison.Ordinal);
        Assert.NotEqual(agentLine, salesLine);
        File.WriteAllText(Path.Combine(flows, "sales-line.yaml"), salesLine);

        var yaml = new StringBuilder(ServerConfigWriter.Render([Sales, Billing], new Dictionary<string, string> { ["100"] = "sales-line" }));
        yaml.Append("""
            queues:
              sales:
                skills: { sales: 1 }
                wrap-up: 0s
                announce-every: off
              billing:
                skills: { billing: 1 }
                wrap-up: 0s
                announce-every: off

            """);
        var config = workspace.WriteFile("transfer.yaml", yaml.ToString());
        return ServerHost.StartAsync(workspace, [Sales, Billing], ["MD5"], ["--config=" + config, "--Flows:Directory=" + flows]);
    }

    // Each agent answers mu-law at a socket the test holds, then waits for the server's BYE.
    private static SippUasRun Uas(TestAgent agent, RtpSink rtp, string logName) =>
        new("agent_answer_pcmu.xml")
        {
            Agent = agent,
            LogName = logName,
            Timeout = TimeSpan.FromSeconds(40),
            Keys = new Dictionary<string, string> { ["agent_rtp_port"] = rtp.Port.ToString(CultureInfo.InvariantCulture) },
        };

    private static async Task<JsonElement> AgentsAsync(ServerHost server) =>
        JsonDocument.Parse(await server.Http.GetStringAsync("/api/agents")).RootElement;

    private static string? StateOf(JsonElement agents, TestAgent agent) =>
        agents.EnumerateArray().Single(a => a.GetProperty("extension").GetString() == agent.Extension).GetProperty("state").GetString();

    private static (long Offered, long Answered) Totals(IReadOnlyList<QueueStatus> queues, string name)
    {
        var queue = queues.Single(q => q.Name == name);
        return (queue.Totals.Offered, queue.Totals.Answered);
    }

    private static IContactCentre Centre(ServerHost server) => server.Services.GetRequiredService<IContactCentre>();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
