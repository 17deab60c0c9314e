using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CallCenter.Server.Tests;

/// <summary>The real program, as an operator runs it, stops cleanly on SIGTERM.</summary>
public class GracefulShutdownTests
{
    [Fact]
    public async Task SigtermStopsTheServerWithExitCodeZeroAfterRefusingNewWork()
    {
        var directory = Directory.CreateTempSubdirectory("callcenter-sigterm").FullName;
        var config = Path.Combine(directory, "callcenter.yaml");
        await File.WriteAllTextAsync(config, TestServer.Config);
        var (sipPort, httpPort) = (FreeTcpPort(), FreeTcpPort());
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "CallCenter.Server.dll"),
            $"--Sip:Port={sipPort}", "--Sip:Address=127.0.0.1", $"--urls=http://127.0.0.1:{httpPort}", "--config=" + config,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(2) };
            Assert.True(await WaitUntilAsync(async () => (await http.GetStringAsync("/healthz")) == "ok"), "server did not start");

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(limit.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("SIP stopping", await output);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> probe)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if (await probe())
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        return false;
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
