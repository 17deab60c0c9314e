using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Media;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>
/// The agent's side of a bridged call with real peers (the agent is a sipp UAS registered as 1001): the agent hangs up
/// the instant it has our ACK, or after talking a while, and the server releases the caller with its own BYE and
/// keeps nothing; and the agent holds and resumes with re-INVITEs that the server answers on the agent's dialog alone.
/// </summary>
public sealed class SippAgentDialogTests
{
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AgentExitLimit = TimeSpan.FromSeconds(20);

    [InteropFact(SippRunner.Program)]
    public async Task An_agent_hanging_up_the_instant_it_has_our_ACK_still_ends_both_legs()
    {
        using var workspace = new InteropWorkspace("agent-bye-at-once");
        using var callerRtp = new RtpSink();
        await using var server = await ServerHost.StartMd5Async(workspace);
        await using var agent = await SippAgentUas.StartAsync(workspace, server, new SippUasRun("agent_answer_bye_at_once.xml"));

        var caller = await RunCallerAwaitingReleaseAsync(workspace, server, callerRtp);

        await AssertAgentHungUpAndCallerReleasedAsync(server, agent, caller);
    }

    [InteropFact(SippRunner.Program)]
    public async Task An_agent_hanging_up_a_bridged_call_after_a_few_seconds_releases_the_caller()
    {
        using var workspace = new InteropWorkspace("agent-bye-later");
        using var callerRtp = new RtpSink();
        await using var server = await ServerHost.StartMd5Async(workspace);
        await using var agent = await SippAgentUas.StartAsync(workspace, server, new SippUasRun("agent_answer_bye_later.xml"));

        var caller = await RunCallerAwaitingReleaseAsync(workspace, server, callerRtp);

        await AssertAgentHungUpAndCallerReleasedAsync(server, agent, caller);

        // The caller's BYE follows the agent's, which came 3 s after the agent answered.
        var agentTrace = SippMessageTrace.Parse(agent.MessageLog);
        var callerTrace = SippMessageTrace.Parse(caller.MessageLog);
        var answered = SippMessageTrace.First(agentTrace, "SIP/2.0 200 OK");
        var agentBye = SippMessageTrace.First(agentTrace, "BYE sip:");
        var callerBye = SippMessageTrace.First(callerTrace, "BYE sip:0917555@");
        Assert.True(answered is not null && agentBye is not null && callerBye is not null, agent.MessageLog);
        Assert.InRange((agentBye.LoggedAt - answered.LoggedAt).TotalSeconds, 2.9, 5);
        Assert.True(callerBye.LoggedAt >= agentBye.LoggedAt, "the caller was released before the agent hung up");
    }

    [InteropFact(SippRunner.Program)]
    public async Task An_agent_holding_and_resuming_is_answered_on_its_own_dialog_only()
    {
        using var workspace = new InteropWorkspace("agent-hold-resume");
        await using var server = await ServerHost.StartMd5Async(workspace);
        await using var agent = await SippAgentUas.StartAsync(workspace, server, new SippUasRun("agent_hold_resume.xml"));

        // The caller presses 1 after 1.5 s and hangs up 6 s later; the agent holds and resumes meanwhile.
        var caller = await SippRunner.RunAsync(workspace, new SippRun("call_press_1.xml", server.SipPort)
        {
            LogName = "caller",
            ExtraArguments = ["-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture)],
            Timeout = TimeSpan.FromSeconds(30),
        });

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        var exit = await agent.WaitForExitAsync(AgentExitLimit);
        Assert.True(exit.Succeeded, agent.Describe(exit) + "\n--- caller ---\n" + caller.Describe());

        // The scenario itself requires a=recvonly then a=sendrecv in our answers; the caller heard of none of it.
        Assert.Contains("a=recvonly", agent.MessageLog, StringComparison.Ordinal);
        Assert.DoesNotContain("INVITE sip:0917555@", caller.MessageLog, StringComparison.Ordinal);
        Assert.True(await CallsSettled.WithinAsync(server, "caller-hangup", SettleLimit), await CallsSettled.DescribeAsync(server));
    }

    // The caller presses 1 by SIP INFO, then only listens until the server's BYE (answered 200).
    private static Task<SippResult> RunCallerAwaitingReleaseAsync(InteropWorkspace workspace, ServerHost server, RtpSink callerRtp) =>
        SippRunner.RunAsync(workspace, new SippRun("call_info_press_1_await_release.xml", server.SipPort)
        {
            LogName = "caller",
            ExtraArguments = ["-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture), "-key", "rtp_sink_port", callerRtp.Port.ToString(CultureInfo.InvariantCulture)],
            Timeout = TimeSpan.FromSeconds(30),
        });

    private static async Task AssertAgentHungUpAndCallerReleasedAsync(ServerHost server, SippAgentUas agent, SippResult caller)
    {
        Assert.True(caller.AllSucceeded(1), caller.Describe());
        Assert.Contains("BYE sip:0917555@", caller.MessageLog, StringComparison.Ordinal);
        var exit = await agent.WaitForExitAsync(AgentExitLimit);
        Assert.True(exit.Succeeded, agent.Describe(exit) + "\n--- caller ---\n" + caller.Describe());
        Assert.Contains("BYE sip:callcenter@", agent.MessageLog, StringComparison.Ordinal);
        Assert.True(await CallsSettled.WithinAsync(server, "agent-hangup", SettleLimit), await CallsSettled.DescribeAsync(server));
    }
}
