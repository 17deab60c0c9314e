using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Peers;

namespace CallCenter.Interop.Tests;

/// <summary>sipsak registers a Contact with digest authentication and removes it again with expires 0.</summary>
public sealed class SipsakRegistrationTests
{
    private static readonly TimeSpan SipsakLimit = TimeSpan.FromSeconds(15);

    [InteropFact(Sipsak.Program)]
    public async Task Sipsak_registers_then_unregisters_a_contact()
    {
        using var workspace = new InteropWorkspace("sipsak-register");
        await using var server = await ServerHost.StartMd5Async(workspace);
        var ports = LoopbackPorts.Reserve(2);
        var (localPort, contactPort) = (ports[0], ports[1]);
        var agent = TestAgent.Default;

        var registered = await PeerRunner.RunAsync(
            new PeerCommand(Sipsak.Program, Sipsak.RegisterArguments(server.SipPort, localPort, contactPort, agent, expires: 300), workspace.Root, "sipsak-register"),
            SipsakLimit);

        Assert.True(registered.Succeeded, registered.Describe());
        var binding = Assert.Single(await server.GetRegistrationsOfAsync(agent.Extension));
        Assert.Contains($"127.0.0.1:{contactPort}", binding.Contact, StringComparison.Ordinal);
        Assert.Equal("udp", binding.Transport);
        Assert.InRange(binding.ExpiresInSeconds, 1, 300);

        var removed = await PeerRunner.RunAsync(
            new PeerCommand(Sipsak.Program, Sipsak.RegisterArguments(server.SipPort, localPort, contactPort, agent, expires: 0), workspace.Root, "sipsak-unregister"),
            SipsakLimit);

        Assert.True(removed.Succeeded, removed.Describe());
        Assert.Empty(await server.GetRegistrationsOfAsync(agent.Extension));
    }
}
