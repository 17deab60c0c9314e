using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Peers;

namespace CallCenter.Interop.Tests;

/// <summary>baresip, a real softphone, registers an agent on start and un-registers when it quits.</summary>
public sealed class BaresipRegistrationTests
{
    private const int RunSeconds = 4;

    [InteropFact(BaresipProfile.Program)]
    public async Task Baresip_registers_while_running_and_unregisters_on_quit()
    {
        using var workspace = new InteropWorkspace("baresip-register");
        await using var server = await ServerHost.StartMd5Async(workspace);
        var listenPort = LoopbackPorts.ReserveOne();
        var profile = BaresipProfile.Write(workspace, "baresip", listenPort, server.SipPort, TestAgent.Default);

        await using var baresip = PeerProcess.Start(
            new PeerCommand(BaresipProfile.Program, BaresipProfile.Arguments(profile, RunSeconds), workspace.Root, "baresip"));

        var appeared = await Eventually.TrueWithinAsync(
            TimeSpan.FromSeconds(RunSeconds),
            async () => (await server.GetRegistrationsOfAsync("1001")).Count == 1);
        var whileRunning = await server.GetRegistrationsOfAsync("1001");
        var exit = await baresip.WaitForExitAsync(TimeSpan.FromSeconds(RunSeconds + 10));

        Assert.True(appeared, "baresip's binding never appeared in /api/registrations\n" + exit.Describe());
        var binding = Assert.Single(whileRunning);
        Assert.Contains($"127.0.0.1:{listenPort}", binding.Contact, StringComparison.Ordinal);
        Assert.Equal("udp", binding.Transport);
        Assert.False(exit.TimedOut, "baresip did not quit by itself (its quit waits for the un-register answer)\n" + exit.Describe());
        Assert.Empty(await server.GetRegistrationsOfAsync("1001"));
    }
}
