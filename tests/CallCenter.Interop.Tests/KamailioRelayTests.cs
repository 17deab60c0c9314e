using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Peers;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>
/// kamailio as a stateful proxy in front of the server: sipp's REGISTER goes through it, and the 401 and the 200
/// must come back through it, which needs the server to answer to the top Via (the proxy), RFC 3261 §18.2.2.
/// </summary>
public sealed class KamailioRelayTests
{
    [InteropFact(KamailioRelay.Program)]
    public async Task Relay_config_passes_kamailio_check()
    {
        using var workspace = new InteropWorkspace("kamailio-check");
        var ports = LoopbackPorts.Reserve(2);
        var config = KamailioRelay.WriteConfig(workspace, ports[0], ports[1]);

        var check = await KamailioRelay.CheckAsync(workspace, config);

        Assert.True(check.Succeeded, check.Describe());
        Assert.Contains("config file ok", check.Stdout + check.Stderr, StringComparison.Ordinal);
    }

    [InteropFact(KamailioRelay.Program, SippRunner.Program)]
    public async Task Register_through_kamailio_is_challenged_and_accepted()
    {
        using var workspace = new InteropWorkspace("kamailio-register");
        await using var server = await ServerHost.StartMd5Async(workspace);
        var relayPort = LoopbackPorts.ReserveOne();
        var config = KamailioRelay.WriteConfig(workspace, relayPort, server.SipPort);
        await using var relay = await KamailioRelay.StartAsync(workspace, config, relayPort);

        var result = await SippRunner.RunAsync(workspace, new SippRun("register.xml", relay.Port));

        Assert.True(result.AllSucceeded(1), result.Describe() + "\n--- kamailio ---\n" + PeerExit.Tail(relay.Log, 30));
        var binding = Assert.Single(await server.GetRegistrationsOfAsync("1001"));
        Assert.Equal($"127.0.0.1:{relay.Port}", binding.Source);
        Assert.Contains($"127.0.0.1:{result.LocalPort}", binding.Contact, StringComparison.Ordinal);
    }
}
