using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Peers;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>OPTIONS is answered 200 without authentication (RFC 3261 §11), as keep-alive probes expect.</summary>
public sealed class OptionsTests
{
    [InteropTheory(SippRunner.Program)]
    [InlineData(SippTransport.Udp)]
    [InlineData(SippTransport.Tcp)]
    public async Task Sipp_options_gets_200(SippTransport transport)
    {
        using var workspace = new InteropWorkspace($"options-{transport}");
        await using var server = await ServerHost.StartAsync(workspace, [TestAgent.Default]);

        var result = await SippRunner.RunAsync(workspace, new SippRun("options.xml", server.SipPort) { Transport = transport });

        Assert.True(result.AllSucceeded(1), result.Describe());
    }

    [InteropFact(Sipsak.Program)]
    public async Task Sipsak_options_probe_exits_0()
    {
        using var workspace = new InteropWorkspace("options-sipsak");
        await using var server = await ServerHost.StartAsync(workspace, [TestAgent.Default]);

        var exit = await PeerRunner.RunAsync(
            new PeerCommand(Sipsak.Program, Sipsak.OptionsArguments(server.SipPort), workspace.Root, "sipsak-options"),
            TimeSpan.FromSeconds(15));

        Assert.True(exit.Succeeded, exit.Describe());
        Assert.Contains("SIP/2.0 200", exit.Stdout, StringComparison.Ordinal);
    }
}
