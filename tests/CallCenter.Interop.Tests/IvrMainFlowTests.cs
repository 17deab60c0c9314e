using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Media;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>
/// A sipp caller finds its way through the main line (ivr-flows/main.yaml) to a billing agent: the prompts it hears
/// are checked frame for frame on an RTP socket the test holds, and its keys go as RFC 4733 events from that socket,
/// or as SIP INFO from sipp. The agent is a sipp UAS registered as 1001 with the billing and lang-en skills; an
/// English-speaking sales agent registered before it in the configuration must not be rung. The main line's business
/// hours are replaced in a copy of the flows, so the test does not depend on the clock: open around the clock, or
/// never (the after-hours path).
/// </summary>
public sealed class IvrMainFlowTests
{
    private static readonly TimeSpan HearLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan MenuTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(5);

    // Registered first in the configuration and free, but without the billing skill: routing must pass it over.
    private static readonly TestAgent SalesAgent = new("1003", "pw1003", "Sales Agent");

    private static readonly TestAgent BillingAgent = new("1001", "pw1001", "Billing Agent")
    {
        Skills = new Dictionary<string, int> { ["billing"] = 6, ["lang-en"] = 8 },
    };

    [InteropFact(SippRunner.Program)]
    public async Task A_caller_using_RFC_4733_times_out_presses_a_wrong_key_enters_an_account_and_reaches_a_billing_agent()
    {
        using var workspace = new InteropWorkspace("ivr-rfc4733");
        using var phone = new RtpPhone();
        var ear = new PromptEar(phone);
        await using var server = await StartServerAsync(workspace, MainFlowCopy.AlwaysOpen);
        await RegisterSalesAgentAsync(workspace, server);
        await using var agent = await SippAgentUas.StartAsync(workspace, server, BillingAgentRun());
        var caller = RunCallerAsync(workspace, server, "call_ivr_listen.xml", phone.Port);

        // Each play is its own playback: silence may fall between two of them, never inside one.
        await ear.HearsAsync(HearLimit, "en/main/welcome");
        await ear.HearsAsync(HearLimit, "en/main/choose-language");
        var menuEnd = phone.Snapshot()[ear.Cursor - 1].ArrivalTicks;

        // No key: after the menu's 5 s timeout the caller is told, and asked again.
        var noInput = await ear.HearsAsync(HearLimit, "en/no-input");
        var waited = TimeSpanBetween(menuEnd, phone.Snapshot()[noInput].ArrivalTicks);
        Assert.InRange(waited.TotalSeconds, MenuTimeout.TotalSeconds - 0.5, MenuTimeout.TotalSeconds + 2);
        await ear.HearsAsync(HearLimit, "en/main/choose-language");

        // A key the menu does not offer.
        await phone.PressAsync("9");
        await ear.HearsAsync(HearLimit, "en/invalid-choice");
        await ear.HearsStartOfAsync("en/main/choose-language", HearLimit);

        // English (barging in on the menu), then billing, then the account number ended with #.
        await phone.PressAsync("1");
        await ear.HearsStartOfAsync("en/main/main-menu", HearLimit);
        await phone.PressAsync("3");
        await ear.HearsStartOfAsync("en/main/enter-account", HearLimit);
        await phone.PressAsync("120034#");
        await ear.HearsAsync(HearLimit, ReadBack("120034"));

        await AssertTheBillingAgentTookTheCallAsync(server, agent, await caller);
    }

    [InteropFact(SippRunner.Program)]
    public async Task A_caller_pressing_keys_by_SIP_INFO_enters_an_account_and_reaches_a_billing_agent()
    {
        using var workspace = new InteropWorkspace("ivr-info");
        using var phone = new RtpPhone();
        var ear = new PromptEar(phone);
        await using var server = await StartServerAsync(workspace, MainFlowCopy.AlwaysOpen);
        await RegisterSalesAgentAsync(workspace, server);
        await using var agent = await SippAgentUas.StartAsync(workspace, server, BillingAgentRun());

        // sipp cannot listen to prompts, so each key goes in the middle of the time the flow waits for it: the language
        // while the menu plays or waits (choose-language then 5 s), billing while the main menu plays or waits (then
        // 6 s), and the account digits as the account prompt starts (a key barges in and is the first digit).
        var chooseLanguage = PromptEar.DurationOf("en/main/welcome") + ((PromptEar.DurationOf("en/main/choose-language") + MenuTimeout) / 2);
        var mainMenu = (PromptEar.DurationOf("en/main/main-menu") + TimeSpan.FromSeconds(6)) / 2;
        var presses = new List<(TimeSpan, char)> { (chooseLanguage, '1'), (mainMenu, '3'), (TimeSpan.FromSeconds(1), '5') };
        presses.AddRange("40302#".Select(key => (TimeSpan.FromMilliseconds(400), key)));
        var scenario = workspace.WriteFile("call_ivr_info.xml", InfoKeypadScenario.Render(presses, TimeSpan.FromSeconds(40)));
        var caller = RunCallerAsync(workspace, server, scenario, phone.Port);

        await ear.HearsAsync(HearLimit, "en/main/welcome");
        await ear.HearsStartOfAsync("en/main/choose-language", HearLimit);
        await ear.HearsStartOfAsync("en/main/main-menu", HearLimit);
        await ear.HearsStartOfAsync("en/main/enter-account", HearLimit);
        await ear.HearsAsync(HearLimit, ReadBack("540302"));

        var result = await caller;
        Assert.Equal(presses.Count, CountOf(result.MessageLog, "Content-Type: application/dtmf-relay"));
        await AssertTheBillingAgentTookTheCallAsync(server, agent, result);
    }

    [InteropFact(SippRunner.Program)]
    public async Task Outside_business_hours_the_caller_hears_the_after_hours_message_and_can_leave()
    {
        using var workspace = new InteropWorkspace("ivr-after-hours");
        using var phone = new RtpPhone();
        var ear = new PromptEar(phone);
        await using var server = await StartServerAsync(workspace, MainFlowCopy.AlwaysClosed);
        var caller = RunCallerAsync(workspace, server, "call_ivr_listen.xml", phone.Port);

        await ear.HearsAsync(HearLimit, "en/main/welcome");
        await ear.HearsAsync(HearLimit, "en/main/after-hours");
        await ear.HearsStartOfAsync("en/main/offer-callback", HearLimit);
        await phone.PressAsync("2");
        await ear.HearsAsync(HearLimit, "en/goodbye");

        var result = await caller;
        Assert.True(result.AllSucceeded(1), result.Describe());
        Assert.Contains("BYE sip:0917555@", result.MessageLog, StringComparison.Ordinal);
        var all = new PromptEar(phone);
        Assert.False(all.HeardStartOf("en/main/choose-language"), "the caller was offered the menu although the line is closed");
        Assert.True(await CallsSettled.WithinAsync(server, "released", SettleLimit), await CallsSettled.DescribeAsync(server));
    }

    private static Task<ServerHost> StartServerAsync(InteropWorkspace workspace, string hours) =>
        ServerHost.StartAsync(
            workspace,
            [SalesAgent, BillingAgent],
            ["MD5"],
            [
                "--Flows:Directory=" + MainFlowCopy.Write(workspace, hours),

                // The test's caller sends keys but no audio; a navigation of the menus takes longer than the default 30 s
                // the server waits for RTP before it takes a caller for gone.
                "--Media:InactivitySeconds=120",
            ],
            new Dictionary<string, string> { ["100"] = "main" });

    private static async Task RegisterSalesAgentAsync(InteropWorkspace workspace, ServerHost server)
    {
        // Registered from a port nothing listens on afterwards: ringing this agent would fail the call.
        var registration = await SippRunner.RunAsync(workspace, new SippRun("register.xml", server.SipPort)
        {
            LogName = "sales-register",
            Users = [(SalesAgent.Extension, SalesAgent.Secret)],
        });
        Assert.True(registration.AllSucceeded(1), registration.Describe());
    }

    // The agent answers, talks 3 s and hangs up; it waits long enough for the caller to find its way to it.
    private static SippUasRun BillingAgentRun() =>
        new("agent_answer_bye_later.xml") { Agent = BillingAgent, Timeout = TimeSpan.FromSeconds(150) };

    private static Task<SippResult> RunCallerAsync(InteropWorkspace workspace, ServerHost server, string scenario, int rtpPort) =>
        SippRunner.RunAsync(workspace, new SippRun(scenario, server.SipPort)
        {
            LogName = "caller",
            ExtraArguments =
            [
                "-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture),
                "-key", "rtp_sink_port", rtpPort.ToString(CultureInfo.InvariantCulture),

                // Replaces the runner's 15 s limit on the whole run: finding the agent through the menus takes longer.
                "-timeout", "150s",
            ],
            Timeout = TimeSpan.FromSeconds(160),
        });

    /// <summary>"You entered" and the digits one by one, as the main line's read-back node says them.</summary>
    private static string[] ReadBack(string digits) => ["en/main/you-entered", .. digits.Select(digit => "en/digits/" + digit)];

    private static async Task AssertTheBillingAgentTookTheCallAsync(ServerHost server, SippAgentUas agent, SippResult caller)
    {
        Assert.True(caller.AllSucceeded(1), caller.Describe());
        Assert.Contains("BYE sip:0917555@", caller.MessageLog, StringComparison.Ordinal);
        var exit = await agent.WaitForExitAsync(TimeSpan.FromSeconds(20));
        Assert.True(exit.Succeeded, agent.Describe(exit) + "\n--- caller ---\n" + caller.Describe());
        Assert.Contains($"INVITE sip:{BillingAgent.Extension}@127.0.0.1:{agent.Port}", agent.MessageLog, StringComparison.Ordinal);
        Assert.True(await CallsSettled.WithinAsync(server, "agent-hangup", SettleLimit), await CallsSettled.DescribeAsync(server));
    }

    private static TimeSpan TimeSpanBetween(long fromTicks, long toTicks) =>
        TimeSpan.FromSeconds((toTicks - fromTicks) / (double)System.Diagnostics.Stopwatch.Frequency);

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
