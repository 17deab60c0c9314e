using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>A sipp caller holds and resumes the call with re-INVITEs (RFC 3264 §8.4) and the server answers each in the same dialog.</summary>
public sealed class SippReInviteTests
{
    [InteropFact(SippRunner.Program)]
    public async Task Caller_holds_and_resumes_with_re_invites()
    {
        using var workspace = new InteropWorkspace("call-hold-resume");
        await using var server = await ServerHost.StartMd5Async(workspace);

        var caller = await SippRunner.RunAsync(workspace, new SippRun("call_hold_resume.xml", server.SipPort)
        {
            LogName = "caller",
            ExtraArguments = ["-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture)],
            Timeout = TimeSpan.FromSeconds(30),
        });

        Assert.True(caller.AllSucceeded(1), caller.Describe());

        // Our three answers: the session, then recvonly for the hold, then sendrecv again, each a new o= version.
        var answers = caller.MessageLog.Split("SIP/2.0 200 OK").Skip(1).Where(m => m.Contains("CSeq: ", StringComparison.Ordinal) && m.Contains(" INVITE", StringComparison.Ordinal)).ToList();
        Assert.Contains(answers, m => m.Contains("a=recvonly", StringComparison.Ordinal));
        var versions = answers.Select(m => System.Text.RegularExpressions.Regex.Match(m, @"o=\S+ \d+ (\d+)").Groups[1].Value).Where(v => v.Length > 0).Distinct().ToList();
        Assert.True(versions.Count >= 3, "each changed answer increments the o= version: " + string.Join(",", versions));
        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(5), async () =>
        {
            var metrics = await server.GetMetricsAsync();
            return PrometheusText.Value(metrics, "callcenter_calls_active") == 0
                && PrometheusText.Value(metrics, "callcenter_media_legs_active") == 0
                && PrometheusText.Value(metrics, "callcenter_sip_dialogs_active") == 0;
        }), await server.GetMetricsAsync());
    }
}
