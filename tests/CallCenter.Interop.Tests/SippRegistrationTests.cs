using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>sipp registers agents with digest authentication; the registrar's bindings are read back over HTTP.</summary>
public sealed class SippRegistrationTests
{
    [InteropTheory(SippRunner.Program)]
    [InlineData(SippTransport.Udp)]
    [InlineData(SippTransport.Tcp)]
    public async Task Sipp_registers_with_digest_and_the_binding_shows_its_transport(SippTransport transport)
    {
        using var workspace = new InteropWorkspace($"register-{transport}");
        await using var server = await ServerHost.StartMd5Async(workspace);

        var result = await SippRunner.RunAsync(workspace, new SippRun("register.xml", server.SipPort) { Transport = transport });

        Assert.True(result.AllSucceeded(1), result.Describe());
        var binding = Assert.Single(await server.GetRegistrationsOfAsync("1001"));
        Assert.Equal(transport.ToApiName(), binding.Transport);
        Assert.Contains($"127.0.0.1:{result.LocalPort}", binding.Contact, StringComparison.Ordinal);
        Assert.StartsWith("127.0.0.1:", binding.Source, StringComparison.Ordinal);
        Assert.InRange(binding.ExpiresInSeconds, 1, 600);
        Assert.Equal("sipp-interop", binding.UserAgent);
    }

    [InteropFact(SippRunner.Program)]
    public async Task Wrong_password_is_challenged_then_refused_with_403_and_leaves_no_binding()
    {
        using var workspace = new InteropWorkspace("wrong-password");
        await using var server = await ServerHost.StartMd5Async(workspace);

        var result = await SippRunner.RunAsync(
            workspace,
            new SippRun("register_wrong_password.xml", server.SipPort) { Users = [("1001", "not-the-password")] });

        Assert.True(result.AllSucceeded(1), result.Describe());
        Assert.Empty(await server.GetRegistrationsAsync());
    }

    [InteropFact(SippRunner.Program)]
    public async Task Unknown_user_is_refused_with_403_and_leaves_no_binding()
    {
        using var workspace = new InteropWorkspace("unknown-user");
        await using var server = await ServerHost.StartMd5Async(workspace);

        var result = await SippRunner.RunAsync(
            workspace,
            new SippRun("register_unknown_user.xml", server.SipPort) { Users = [("4040", "whatever")] });

        Assert.True(result.AllSucceeded(1), result.Describe());
        Assert.Empty(await server.GetRegistrationsAsync());
    }

    [InteropFact(SippRunner.Program)]
    public async Task Sha256_is_offered_before_md5_when_configured()
    {
        using var workspace = new InteropWorkspace("sha256-challenge");
        await using var server = await ServerHost.StartAsync(workspace, [TestAgent.Default], ["SHA-256", "MD5"]);

        var result = await SippRunner.RunAsync(workspace, new SippRun("challenge_offers.xml", server.SipPort));

        Assert.True(result.AllSucceeded(1), result.Describe());
    }
}
