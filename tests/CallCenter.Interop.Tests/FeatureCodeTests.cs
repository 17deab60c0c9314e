using System.Globalization;
using System.Text.Json;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Media;
using CallCenter.Interop.Tests.Sipp;
using CallCenter.Media.G711;

namespace CallCenter.Interop.Tests;

/// <summary>
/// An agent's sipp softphone registers with digest and dials the feature codes (authenticating the INVITE too): *23 pauses it (reason "break") and
/// *24 makes it available again; each time it hears the confirmation prompt and the server hangs up, and the API
/// shows the new state and keeps it in the agent's history.
/// </summary>
public sealed class FeatureCodeTests
{
    [InteropFact(SippRunner.Program)]
    public async Task Dialling_star_23_pauses_the_agent_and_star_24_makes_it_available_again()
    {
        using var workspace = new InteropWorkspace("feature-code");
        await using var server = await ServerHost.StartMd5Async(workspace, ["--Store:Path=" + workspace.PathOf("callcenter.db")]);
        var started = DateTimeOffset.UtcNow;
        await RegisterAsync(workspace, server);

        var paused = await DialAsync(workspace, server, "*23", "paused");
        AssertHeard(paused, "en/agent/paused");
        var agent = await GetAgentAsync(server);
        Assert.Equal("paused", agent.GetProperty("state").GetString());
        Assert.Equal("break", agent.GetProperty("pauseReason").GetString());
        Assert.True(agent.GetProperty("registered").GetBoolean());

        var available = await DialAsync(workspace, server, "*24", "available");
        AssertHeard(available, "en/agent/available");
        agent = await GetAgentAsync(server);
        Assert.Equal("available", agent.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, agent.GetProperty("pauseReason").ValueKind);

        var from = Uri.EscapeDataString(started.AddSeconds(-1).ToString("O", CultureInfo.InvariantCulture));
        Assert.True(
            await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(5), async () =>
            {
                var history = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/agents/1001/history?from={from}")).RootElement;
                var states = history.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("state").GetString()).ToList();
                return states.Contains("paused") && states.IndexOf("available", Math.Max(0, states.IndexOf("paused"))) > 0;
            }),
            await server.Http.GetStringAsync($"/api/agents/1001/history?from={from}"));
    }

    [InteropFact(SippRunner.Program)]
    public async Task Unpausing_an_agent_that_is_not_paused_is_answered_with_code_not_valid_now()
    {
        using var workspace = new InteropWorkspace("feature-code-refused");
        await using var server = await ServerHost.StartMd5Async(workspace, ["--Store:Path=" + workspace.PathOf("callcenter.db")]);
        await RegisterAsync(workspace, server);

        var refused = await DialAsync(workspace, server, "*24", "refused");

        AssertHeard(refused, "en/agent/code-not-valid");
        Assert.Equal("available", (await GetAgentAsync(server)).GetProperty("state").GetString());
    }

    private static async Task RegisterAsync(InteropWorkspace workspace, ServerHost server)
    {
        var result = await SippRunner.RunAsync(workspace, new SippRun("register.xml", server.SipPort) { LogName = "register" });
        Assert.True(result.AllSucceeded(1), result.Describe());
    }

    private static async Task<IReadOnlyList<ReceivedRtp>> DialAsync(InteropWorkspace workspace, ServerHost server, string code, string logName)
    {
        using var rtp = new RtpSink();
        var result = await SippRunner.RunAsync(workspace, new SippRun("feature_code.xml", server.SipPort)
        {
            LogName = logName,
            ExtraArguments =
            [
                "-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture),
                "-key", "rtp_sink_port", rtp.Port.ToString(CultureInfo.InvariantCulture),
                "-key", "code", code,
                "-au", TestAgent.Default.Extension,
                "-ap", TestAgent.Default.Secret,
                "-auth_uri", $"{code}@127.0.0.1:{server.SipPort.ToString(CultureInfo.InvariantCulture)}",
            ],
        });

        Assert.True(result.AllSucceeded(1), result.Describe());
        return rtp.Snapshot();
    }

    private static void AssertHeard(IReadOnlyList<ReceivedRtp> received, string prompt)
    {
        // The whole confirmation arrives frame for frame, in PCMU (the codec the softphone offered first).
        var frames = PromptAudio.Frames(PromptAudio.Load().Get(prompt), G711Law.MuLaw);
        var payloads = received.Where(packet => packet.PayloadType == 0).Select(packet => packet.Payload).ToList();
        Assert.True(PromptAudio.IndexOfRun(payloads, frames) >= 0, $"{prompt} was not heard in {received.Count} RTP packets");
    }

    private static async Task<JsonElement> GetAgentAsync(ServerHost server) =>
        JsonDocument.Parse(await server.Http.GetStringAsync("/api/agents/1001")).RootElement;
}
