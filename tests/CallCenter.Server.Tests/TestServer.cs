using System.Net;
using CallCenter.Server.Hosting;
using CallCenter.Sip.Stack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Server.Tests;

/// <summary>A server started in-process on ephemeral loopback ports with a config file of its own.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string Config = """
        agents:
          - extension: "1001"
            name: "Test Agent"
            secret: "pw1001"
            skills: { sales: 5 }
        numbers:
          "100": main
        """;

    private readonly string _directory;

    private TestServer(WebApplication app, string directory)
    {
        App = app;
        _directory = directory;
        var stack = app.Services.GetRequiredService<SipStack>();
        SipEndPoint = stack.UdpEndPoints[0];
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };
    }

    public WebApplication App { get; }

    public IPEndPoint SipEndPoint { get; }

    public HttpClient Http { get; }

    public static async Task<TestServer> StartAsync(params string[] extraArgs)
    {
        var directory = Directory.CreateTempSubdirectory("callcenter-server-test").FullName;
        var configPath = Path.Combine(directory, "callcenter.yaml");
        await File.WriteAllTextAsync(configPath, Config);
        string[] args = ["--Sip:Port=0", "--Sip:Address=127.0.0.1", "--urls=http://127.0.0.1:0", "--config=" + configPath, "--Logging:LogLevel:Default=Warning", "--Store:Path=" + Path.Combine(directory, "callcenter.db"), .. extraArgs];
        var app = CallCenterServer.Build(args);
        await app.StartAsync();
        return new TestServer(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
