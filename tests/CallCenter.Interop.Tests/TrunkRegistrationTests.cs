using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>
/// The server registers with a provider (sipp playing the registrar) as a trunk: RFC 3261 §10.2 with the 401 answered
/// by digest (§22.2), the registered state visible in <c>callcenter_trunk_registered</c>, and the binding removed
/// (Expires: 0) when the server stops.
/// </summary>
public sealed class TrunkRegistrationTests
{
    [InteropFact(SippRunner.Program)]
    public async Task The_server_answers_the_registrar_s_challenge_registers_and_unregisters_on_shutdown()
    {
        using var workspace = new InteropWorkspace("trunk-register");
        await using var provider = await TrunkProvider.StartAsync(workspace, "trunk_registrar.xml");
        var server = await StartServerAsync(workspace, provider);
        try
        {
            Assert.True(
                await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(10), async () =>
                    PrometheusText.Value(await server.GetMetricsAsync(), "callcenter_trunk_registered", $"trunk=\"{TrunkProvider.TrunkName}\"") == 1),
                provider.MessageLog);
        }
        finally
        {
            await server.DisposeAsync();
        }

        var exit = await provider.WaitForExitAsync(TimeSpan.FromSeconds(10));
        Assert.True(exit.Succeeded, provider.Describe(exit));
        var trace = provider.MessageLog;
        Assert.Contains("Authorization: Digest username=\"trunk-user\"", trace, StringComparison.Ordinal);
        Assert.Contains("Expires: 0", trace, StringComparison.Ordinal);
    }

    private static Task<ServerHost> StartServerAsync(InteropWorkspace workspace, TrunkProvider provider)
    {
        var config = workspace.WriteFile("trunk.yaml", ServerConfigWriter.Render([TestAgent.Default], trunks: provider.ConfigYaml(register: true)));
        return ServerHost.StartAsync(workspace, [TestAgent.Default], ["MD5"], [$"--config={config}"]);
    }
}
