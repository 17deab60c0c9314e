using System.Text.RegularExpressions;
using CallCenter.Auth;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Trunks;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Sipp;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Interop.Tests;

/// <summary>
/// A call out through the trunk (what callbacks use): the server's <see cref="ITrunkDialer"/> normalises the number,
/// sends the INVITE to the provider (sipp), answers its 407 with Proxy-Authorization on a new INVITE with CSeq 2
/// (RFC 3261 §22.2–§22.3) using the credentials of the trunk's registration, and the call is answered and then ended
/// with BYE.
/// </summary>
public sealed class TrunkDialTests
{
    private const string Offer =
        "v=0\r\no=callcenter 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    /// <summary>The Proxy-Authorization in the provider's trace answers its challenge for the trunk's password.</summary>
    private static void AssertDigestIsRight(string trace, string requestUri)
    {
        var header = Regex.Match(trace, "^Proxy-Authorization: (?<value>.*)$", RegexOptions.Multiline);
        Assert.True(header.Success, trace);
        Assert.True(DigestCredentials.TryParse(header.Groups["value"].Value.TrimEnd('\r'), out var sent, out var error), error);
        var expected = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Md5,
            DigestSecret.FromPassword(TrunkProvider.Password),
            new DigestResponseParameters("INVITE", requestUri, TrunkProvider.Username, "provider.test", sent.Nonce, sent.Cnonce, sent.NonceCount, sent.Qop));
        Assert.Equal((requestUri, expected), (sent.Uri, sent.Response));
    }

    [InteropFact(SippRunner.Program)]
    public async Task A_call_through_the_trunk_answers_the_provider_s_407_and_is_answered()
    {
        using var workspace = new InteropWorkspace("trunk-dial");
        await using var provider = await TrunkProvider.StartAsync(workspace, "trunk_callee_407.xml", calls: 2);
        var config = workspace.WriteFile("trunk.yaml", ServerConfigWriter.Render([TestAgent.Default], trunks: provider.ConfigYaml(register: true)));
        var server = await ServerHost.StartAsync(workspace, [TestAgent.Default], ["MD5"], [$"--config={config}"]);
        var dialer = server.Services.GetRequiredService<ITrunkDialer>();
        var events = new List<AgentLegEvent>();
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.True(dialer.TryNormalize("0917 123 4567", out var number, out var error), error);
        var leg = dialer.Dial(number, Offer, e =>
        {
            lock (events)
            {
                events.Add(e);
            }

            if (e is AgentLegEvent.Answered or AgentLegEvent.Failed)
            {
                answered.TrySetResult();
            }
        });
        try
        {
            await answered.Task.WaitAsync(TimeSpan.FromSeconds(15));

            // Hang up once the call is up (the 2xx acknowledged), as a callback does when it ends.
            Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(5), () => provider.MessageLog.Contains("ACK sip:gw@", StringComparison.Ordinal)), provider.MessageLog);
            leg.Hangup();
            await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(5), () => provider.MessageLog.Contains("BYE sip:", StringComparison.Ordinal));
        }
        finally
        {
            // The trunk registers with the same sipp (its credentials come with its registration); stopping the server
            // un-registers, which ends sipp's second call.
            await server.DisposeAsync();
        }

        var exit = await provider.WaitForExitAsync(TimeSpan.FromSeconds(15));

        Assert.True(exit.Succeeded, provider.Describe(exit));
        lock (events)
        {
            Assert.Contains(events, e => e is AgentLegEvent.Ringing);
            Assert.Contains(events, e => e is AgentLegEvent.Answered);
            Assert.DoesNotContain(events, e => e is AgentLegEvent.Failed);
        }

        var trace = provider.MessageLog;
        Assert.Contains($"INVITE sip:+639171234567@127.0.0.1:{provider.Port} SIP/2.0", trace, StringComparison.Ordinal);
        AssertDigestIsRight(trace, $"sip:+639171234567@127.0.0.1:{provider.Port}");
        Assert.Contains("CSeq: 2 INVITE", trace, StringComparison.Ordinal);
        Assert.Contains("From: \"Call Center\" <sip:+6328881234@127.0.0.1>", trace, StringComparison.Ordinal);
    }
}
