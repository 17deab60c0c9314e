using System.Globalization;
using System.Text;
using CallCenter.Calls.Routing;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Media;
using CallCenter.Interop.Tests.Sipp;
using CallCenter.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Interop.Tests;

/// <summary>
/// Skill-based routing with real peers (sipp agents registered as softphones, a sipp caller on the agent line, which
/// queues for English): the call goes to the best-skilled registered agent and never to one without the skill; an agent
/// who does not answer is skipped for the next one and paused for missed calls after two misses; an agent whose
/// registration expires is no longer offered calls.
/// </summary>
public sealed class RoutingInteropTests
{
    private static readonly TimeSpan AgentExitLimit = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan StateLimit = TimeSpan.FromSeconds(10);

    private static readonly TestAgent Ana = new("1001", "pw1001", "Ana") { Skills = new Dictionary<string, int> { ["lang-en"] = 9 } };
    private static readonly TestAgent Ben = new("1002", "pw1002", "Ben") { Skills = new Dictionary<string, int> { ["lang-en"] = 6 } };
    private static readonly TestAgent Tala = new("1003", "pw1003", "Tala") { Skills = new Dictionary<string, int> { ["lang-tl"] = 10 } };

    [InteropFact(SippRunner.Program)]
    public async Task The_call_goes_to_the_best_skilled_registered_agent_and_never_to_one_without_the_skill()
    {
        using var workspace = new InteropWorkspace("routing-skills");
        using var callerRtp = new RtpSink();
        await using var server = await StartAsync(workspace, [Ben, Tala, Ana]);
        await using var ben = await SippAgentUas.StartAsync(workspace, server, Uas(Ben, "agent_answer_bye_later.xml", "ben"));
        await using var tala = await SippAgentUas.StartAsync(workspace, server, Uas(Tala, "agent_answer_bye_later.xml", "tala"));
        await using var ana = await SippAgentUas.StartAsync(workspace, server, Uas(Ana, "agent_answer_bye_later.xml", "ana"));

        var caller = await CallAsync(workspace, server, callerRtp, "caller");

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        var anaExit = await ana.WaitForExitAsync(AgentExitLimit);
        Assert.True(anaExit.Succeeded, ana.Describe(anaExit));
        Assert.Contains("INVITE sip:1001@", ana.MessageLog, StringComparison.Ordinal);
        Assert.DoesNotContain("INVITE sip:", ben.MessageLog, StringComparison.Ordinal);
        Assert.DoesNotContain("INVITE sip:", tala.MessageLog, StringComparison.Ordinal);
        var queue = (await Centre(server).GetQueuesAsync()).Single(q => q.Name == "english");
        Assert.Equal((1L, 1L), (queue.Totals.Offered, queue.Totals.Answered));
    }

    [InteropFact(SippRunner.Program)]
    public async Task An_agent_who_does_not_answer_is_skipped_for_the_next_and_paused_after_two_missed_calls()
    {
        using var workspace = new InteropWorkspace("routing-rona");
        using var callerRtp = new RtpSink();
        await using var server = await StartAsync(workspace, [Ana, Ben]);

        for (int round = 1; round <= 2; round++)
        {
            await using var ana = await SippAgentUas.StartAsync(workspace, server, Uas(Ana, "agent_ring_until_cancel.xml", "ana-" + round));
            await using var ben = await SippAgentUas.StartAsync(workspace, server, Uas(Ben, "agent_answer_bye_later.xml", "ben-" + round));

            var caller = await CallAsync(workspace, server, callerRtp, "caller-" + round);

            // Ana rang first (best skill) until the queue's 5 s ring timeout cancelled her; Ben took the call.
            Assert.True(caller.AllSucceeded(1), caller.Describe());
            var anaExit = await ana.WaitForExitAsync(AgentExitLimit);
            Assert.True(anaExit.Succeeded, ana.Describe(anaExit));
            Assert.Contains("CANCEL sip:1001@", ana.MessageLog, StringComparison.Ordinal);
            var benExit = await ben.WaitForExitAsync(AgentExitLimit);
            Assert.True(benExit.Succeeded, ben.Describe(benExit));
            var anaCancel = SippMessageTrace.First(SippMessageTrace.Parse(ana.MessageLog), "CANCEL sip:1001@");
            var benInvite = SippMessageTrace.First(SippMessageTrace.Parse(ben.MessageLog), "INVITE sip:1002@");
            Assert.True(anaCancel is not null && benInvite is not null && benInvite.LoggedAt >= anaCancel.LoggedAt.AddMilliseconds(-500), ben.MessageLog);

            var expected = round == 1 ? (AgentState.Available, (string?)null) : (AgentState.Paused, RoutingEngine.MissedCallsReason);
            Assert.True(
                await Eventually.TrueWithinAsync(StateLimit, async () => StateOf(await AgentAsync(server, "1001")) == expected),
                $"round {round}: agent 1001 is {StateOf(await AgentAsync(server, "1001"))}, expected {expected}");
        }

        var queue = (await Centre(server).GetQueuesAsync()).Single(q => q.Name == "english");
        Assert.Equal((2L, 2L), (queue.Totals.Answered, queue.Totals.RingNoAnswer));
    }

    [InteropFact(SippRunner.Program)]
    public async Task An_agent_whose_registration_expires_stops_receiving_calls()
    {
        using var workspace = new InteropWorkspace("routing-expiry");
        using var callerRtp = new RtpSink();
        await using var server = await StartAsync(
            workspace, [Ana, Ben], "--Sip:Registrar:MinExpiresSeconds=1", "--Sip:Registrar:MaxExpiresSeconds=4", "--Sip:Registrar:SweepInterval=00:00:00.500");
        await using var ana = await SippAgentUas.StartAsync(workspace, server, Uas(Ana, "agent_answer_bye_later.xml", "ana"));
        Assert.True((await AgentAsync(server, "1001")).Registered);

        // Ana's softphone does not refresh its 4 s registration: routing hears of the expiry.
        Assert.True(
            await Eventually.TrueWithinAsync(StateLimit, async () => !(await AgentAsync(server, "1001")).Registered),
            "agent 1001 still shows registered after its registration expired");
        await using var ben = await SippAgentUas.StartAsync(workspace, server, Uas(Ben, "agent_answer_bye_later.xml", "ben"));

        var caller = await CallAsync(workspace, server, callerRtp, "caller");

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        var benExit = await ben.WaitForExitAsync(AgentExitLimit);
        Assert.True(benExit.Succeeded, ben.Describe(benExit));
        Assert.DoesNotContain("INVITE sip:", ana.MessageLog, StringComparison.Ordinal);
    }

    /// <summary>
    /// The server with <paramref name="agents"/>, number 100 on the agent line (which queues for lang-en) and a queue
    /// "english" taking those calls: 5 s ring timeout, no wrap-up, paused after 2 missed calls.
    /// </summary>
    private static Task<ServerHost> StartAsync(InteropWorkspace workspace, IReadOnlyList<TestAgent> agents, params string[] settings)
    {
        var config = workspace.WriteFile("routing.yaml", RenderConfig(agents));
        return ServerHost.StartAsync(workspace, agents, ["MD5"], ["--config=" + config, .. settings]);
    }

    private static string RenderConfig(IReadOnlyList<TestAgent> agents)
    {
        var yaml = new StringBuilder(ServerConfigWriter.Render(agents));
        yaml.Append("""
            queues:
              english:
                skills: { lang-en: 1 }
                ring-timeout: 5s
                max-missed-calls: 2
                wrap-up: 0s
                reject-delay: 0s
                announce-every: off
                when-nobody-logged-in: wait

            """);
        return yaml.ToString();
    }

    private static SippUasRun Uas(TestAgent agent, string scenario, string logName) =>
        new(scenario) { Agent = agent, LogName = logName, Timeout = TimeSpan.FromSeconds(40) };

    // The caller presses 1 by SIP INFO, then only listens until the server's BYE (answered 200).
    private static Task<SippResult> CallAsync(InteropWorkspace workspace, ServerHost server, RtpSink callerRtp, string logName) =>
        SippRunner.RunAsync(workspace, new SippRun("call_info_press_1_await_release.xml", server.SipPort)
        {
            LogName = logName,
            ExtraArguments = ["-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture), "-key", "rtp_sink_port", callerRtp.Port.ToString(CultureInfo.InvariantCulture)],
            Timeout = TimeSpan.FromSeconds(40),
        });

    private static IContactCentre Centre(ServerHost server) => server.Services.GetRequiredService<IContactCentre>();

    private static async Task<AgentStatus> AgentAsync(ServerHost server, string extension) =>
        (await Centre(server).GetAgentsAsync()).Single(a => a.Extension == extension);

    private static (AgentState, string?) StateOf(AgentStatus agent) => (agent.State, agent.PauseReason);
}
