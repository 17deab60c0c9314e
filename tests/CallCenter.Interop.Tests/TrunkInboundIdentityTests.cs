using System.Globalization;
using System.Text.RegularExpressions;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>
/// A call from the trunk's address (127.0.0.1 in the test config) is taken without a digest challenge, and the caller
/// is the number in its P-Asserted-Identity (RFC 3325 §9.1), not the gateway in From: the agent's phone shows it as
/// the display name of the INVITE it gets. A caller who withholds its number shows none.
/// </summary>
public sealed class TrunkInboundIdentityTests
{
    [InteropFact(SippRunner.Program)]
    public async Task The_agent_sees_the_number_the_trunk_asserted()
    {
        var from = await AgentSeesFromAsync("trunk-asserted-caller", "trunk_caller_asserted.xml");

        Assert.Matches("^\"?\\+639171234567\"? <sip:", from);
        Assert.DoesNotContain("gateway", from, StringComparison.Ordinal);
    }

    [InteropFact(SippRunner.Program)]
    public async Task A_withheld_number_is_not_shown()
    {
        var from = await AgentSeesFromAsync("trunk-withheld-caller", "trunk_caller_anonymous.xml");

        Assert.DoesNotContain("639171234567", from, StringComparison.Ordinal);
        Assert.DoesNotContain("anonymous", from, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Runs the trunk caller <paramref name="scenario"/> to a sipp agent and returns the From of the agent's INVITE.</summary>
    private static async Task<string> AgentSeesFromAsync(string purpose, string scenario)
    {
        using var workspace = new InteropWorkspace(purpose);
        await using var server = await ServerHost.StartMd5Async(workspace);
        await using var agent = await SippAgentUas.StartAsync(workspace, server, new SippUasRun(null));

        var caller = await SippRunner.RunAsync(workspace, new SippRun(scenario, server.SipPort)
        {
            LogName = "trunk-caller",
            ExtraArguments = ["-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture)],
            Timeout = TimeSpan.FromSeconds(30),
        });
        var agentExit = await agent.WaitForExitAsync(TimeSpan.FromSeconds(15));

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        Assert.DoesNotContain("401 Unauthorized", caller.MessageLog, StringComparison.Ordinal);
        var invite = Regex.Match(agent.MessageLog, @"^From: (?<from>.*)$", RegexOptions.Multiline);
        Assert.True(invite.Success, agent.Describe(agentExit));
        return invite.Groups["from"].Value;
    }
}
