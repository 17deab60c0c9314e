using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>sipp removes bindings with Expires: 0 (one Contact) and with Contact: * (all of them), RFC 3261 §10.2.2.</summary>
public sealed class SippUnregistrationTests
{
    [InteropTheory(SippRunner.Program)]
    [InlineData(SippTransport.Udp)]
    [InlineData(SippTransport.Tcp)]
    public async Task Expires_zero_removes_the_binding(SippTransport transport)
    {
        using var workspace = new InteropWorkspace($"unregister-{transport}");
        await using var server = await ServerHost.StartMd5Async(workspace);
        var registered = await SippRunner.RunAsync(
            workspace,
            new SippRun("register.xml", server.SipPort) { Transport = transport, LogName = "sipp-register" });
        Assert.True(registered.AllSucceeded(1), registered.Describe());
        Assert.Single(await server.GetRegistrationsOfAsync("1001"));

        // Same -p as the registration, so the Contact URI is the one bound (RFC 3261 §10.3 step 6).
        var removed = await SippRunner.RunAsync(
            workspace,
            new SippRun("unregister.xml", server.SipPort) { Transport = transport, LocalPort = registered.LocalPort, LogName = "sipp-unregister" });

        Assert.True(removed.AllSucceeded(1), removed.Describe());
        Assert.Empty(await server.GetRegistrationsOfAsync("1001"));
    }

    [InteropFact(SippRunner.Program)]
    public async Task Contact_star_removes_every_binding_of_the_agent()
    {
        using var workspace = new InteropWorkspace("unregister-all");
        await using var server = await ServerHost.StartMd5Async(workspace);
        foreach (var name in new[] { "sipp-phone-a", "sipp-phone-b" })
        {
            var registered = await SippRunner.RunAsync(workspace, new SippRun("register.xml", server.SipPort) { LogName = name });
            Assert.True(registered.AllSucceeded(1), registered.Describe());
        }

        Assert.Equal(2, (await server.GetRegistrationsOfAsync("1001")).Count);

        var removed = await SippRunner.RunAsync(workspace, new SippRun("unregister_all.xml", server.SipPort) { LogName = "sipp-unregister-all" });

        Assert.True(removed.AllSucceeded(1), removed.Describe());
        Assert.Empty(await server.GetRegistrationsOfAsync("1001"));
    }
}
