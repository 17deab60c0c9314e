using System.Globalization;
using System.Text;
using CallCenter.Calls.Callbacks;
using CallCenter.Calls.Routing;
using CallCenter.Calls.Trunks;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Media;
using CallCenter.Interop.Tests.Sipp;
using CallCenter.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Interop.Tests;

/// <summary>
/// Callbacks with real peers: a sipp caller waiting in a queue with no agent registered takes a callback (keys by SIP
/// INFO) and is released; later a sipp agent registers and answers, and only then is the customer (sipp as the trunk's
/// provider) dialled, greeted and bridged to the agent. The callback survives a server restart between the request
/// and the call. After hours, a caller of the main line (keys as RFC 4733 events) books one in the queue the flow names.
/// </summary>
public sealed class CallbackInteropTests
{
    private const string CustomerNumber = "+639171234567";

    // The number call_ivr_listen.xml calls from: too short for the trunk (region PH) to call back.
    private const string AfterHoursCaller = "0917555";

    private static readonly TestAgent Ana = new("1001", "pw1001", "Ana") { Skills = new Dictionary<string, int> { ["lang-en"] = 9 } };
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan HearLimit = TimeSpan.FromSeconds(20);


    [InteropFact(SippRunner.Program)]
    public async Task A_caller_takes_a_callback_and_is_called_back_through_the_trunk_once_an_agent_answers()
    {
        using var workspace = new InteropWorkspace("callback");
        using var callerRtp = new RtpSink();
        using var agentRtp = new RtpSink();
        int customerPort = LoopbackPorts.ReserveOne();
        await using var server = await StartAsync(workspace, customerPort);

        long id = await CallerTakesCallbackAsync(workspace, server, callerRtp);
        await using var customer = await CallbackCustomer.StartAsync(workspace, customerPort, "customer");
        await using var ana = await SippAgentUas.StartAsync(workspace, server, AgentAnswers(agentRtp, "ana"));

        await AssertCalledBackAsync(server, id, ana, customer);
        Assert.NotEmpty(agentRtp.Snapshot());
    }

    [InteropFact(SippRunner.Program)]
    public async Task A_callback_booked_before_a_restart_is_made_after_it()
    {
        using var workspace = new InteropWorkspace("callback-restart");
        using var callerRtp = new RtpSink();
        using var agentRtp = new RtpSink();
        int customerPort = LoopbackPorts.ReserveOne();
        long id;
        await using (var before = await StartAsync(workspace, customerPort))
        {
            id = await CallerTakesCallbackAsync(workspace, before, callerRtp);
        }

        await using var after = await StartAsync(workspace, customerPort);
        var reloaded = Desk(after).ListPending().Single();
        Assert.Equal((id, CustomerNumber, "english"), (reloaded.Record.Id, reloaded.Record.Number, reloaded.Record.Queue));
        Assert.Equal(CallbackPhase.Waiting, reloaded.Progress?.Phase);
        Assert.NotNull(reloaded.Record.RequestedAt);

        // Timed for later, the callback is out of routing but still owed: the queue figures count it.
        Assert.Equal(CallbackChange.Done, Desk(after).Reschedule(id, DateTimeOffset.UtcNow.AddHours(1)));
        Assert.Equal(1, (await after.Services.GetRequiredService<IContactCentre>().GetQueuesAsync()).Single(q => q.Name == "english").CallbacksPending);
        Assert.Equal(CallbackChange.Done, Desk(after).Reschedule(id, DateTimeOffset.UtcNow));

        await using var customer = await CallbackCustomer.StartAsync(workspace, customerPort, "customer");
        await using var ana = await SippAgentUas.StartAsync(workspace, after, AgentAnswers(agentRtp, "ana"));

        await AssertCalledBackAsync(after, id, ana, customer);
    }

    [InteropFact(SippRunner.Program)]
    public async Task An_after_hours_caller_books_a_callback_in_the_queue_the_main_line_names()
    {
        using var workspace = new InteropWorkspace("callback-after-hours");
        using var phone = new RtpPhone();
        var ear = new PromptEar(phone);
        var config = workspace.WriteFile(
            "after-hours.yaml",
            ServerConfigWriter.Render([Ana], new Dictionary<string, string> { ["100"] = "main" }, CallbackCustomer.ConfigYaml(LoopbackPorts.ReserveOne())));
        await using var server = await ServerHost.StartAsync(
            workspace,
            [Ana],
            ["MD5"],
            ["--config=" + config, "--Flows:Directory=" + MainFlowCopy.Write(workspace, MainFlowCopy.AlwaysClosed), "--Media:InactivitySeconds=120"]);
        Assert.False(server.Services.GetRequiredService<ITrunkDialer>().TryNormalize(AfterHoursCaller, out _, out _), "the test expects the trunk to refuse the caller id");
        var caller = SippRunner.RunAsync(workspace, new SippRun("call_ivr_listen.xml", server.SipPort)
        {
            LogName = "caller",
            ExtraArguments =
            [
                "-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture),
                "-key", "rtp_sink_port", phone.Port.ToString(CultureInfo.InvariantCulture),
                "-timeout", "90s",
            ],
            Timeout = TimeSpan.FromSeconds(100),
        });

        await ear.HearsAsync(HearLimit, "en/main/after-hours");
        await ear.HearsStartOfAsync("en/main/offer-callback", HearLimit);
        await phone.PressAsync("1");

        // The caller id is read back and confirmed, but the trunk cannot call it: the caller keys in another number.
        await ear.HearsAsync(HearLimit, ReadBack(AfterHoursCaller));
        await ear.HearsStartOfAsync("en/callback/confirm-number", HearLimit);
        await phone.PressAsync("1");
        await ear.HearsAsync(HearLimit, "en/callback/invalid-number");
        await ear.HearsStartOfAsync("en/callback/enter-number", HearLimit);
        await phone.PressAsync("09171234567#");
        await ear.HearsAsync(HearLimit, ReadBack("09171234567"));
        await ear.HearsStartOfAsync("en/callback/confirm-number", HearLimit);
        await phone.PressAsync("1");
        await ear.HearsAsync(HearLimit, "en/main/callback-thanks");
        await ear.HearsAsync(HearLimit, "en/goodbye");

        var result = await caller;
        Assert.True(result.AllSucceeded(1), result.Describe());
        var callback = Assert.Single(Desk(server).ListPending());
        Assert.Equal((CustomerNumber, "default"), (callback.Record.Number, callback.Record.Queue));

        // Nobody waited before asking: the callback's place in line starts when it was requested.
        Assert.Equal(callback.Record.RequestedAt, callback.Record.OriginalArrival);
    }

    /// <summary>"We will call you back at" and the digits one by one, as the callback nodes' read-back says them.</summary>
    private static string[] ReadBack(string digits) => ["en/callback/we-will-call", .. digits.Select(digit => "en/digits/" + digit)];

    /// <summary>
    /// The caller dials the agent line, presses 1 (queue), 1 (callback offer while waiting), 1 (callback), and confirms
    /// the caller id read back with 1; the server says goodbye and hangs up. Returns the booked callback's id.
    /// </summary>
    private static async Task<long> CallerTakesCallbackAsync(InteropWorkspace workspace, ServerHost server, RtpSink callerRtp)
    {
        var caller = await SippRunner.RunAsync(workspace, new SippRun("callback_caller_accepts.xml", server.SipPort)
        {
            LogName = "caller",
            ExtraArguments =
            [
                "-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture),
                "-key", "rtp_sink_port", callerRtp.Port.ToString(CultureInfo.InvariantCulture),

                // Replaces the runner's 15 s -timeout (sipp takes the last): the call lasts about 20 s (keys, read-back, goodbye).
                "-timeout", "40s",
            ],
            Timeout = CallLimit,
        });

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        var booked = Desk(server).ListPending();
        var callback = Assert.Single(booked);
        Assert.Equal((CustomerNumber, "english", 0), (callback.Record.Number, callback.Record.Queue, callback.Record.Attempts));
        return callback.Record.Id;
    }

    /// <summary>The agent is rung first (shown the number), then the customer; both are bridged; the callback is done.</summary>
    private static async Task AssertCalledBackAsync(ServerHost server, long id, SippAgentUas ana, CallbackCustomer customer)
    {
        Assert.True(
            await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(20), () => Desk(server).ListPending().SingleOrDefault()?.Progress?.Phase == CallbackPhase.Connected),
            "the callback never connected the customer to the agent\n" + PeerExit.Tail(customer.MessageLog, 40));

        var customerExit = await customer.WaitForExitAsync(CallLimit);
        Assert.True(customerExit.Succeeded, customer.Describe(customerExit));
        var anaExit = await ana.WaitForExitAsync(CallLimit);
        Assert.True(anaExit.Succeeded, ana.Describe(anaExit));
        Assert.True(
            await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(5), () => server.Services.GetRequiredService<CallbackStore>().Get(id)?.Status == CallbackStatus.Done),
            $"callback {id} is {server.Services.GetRequiredService<CallbackStore>().Get(id)?.Status}");

        var agentInvite = SippMessageTrace.First(SippMessageTrace.Parse(ana.MessageLog), "INVITE sip:1001@");
        var customerInvite = SippMessageTrace.First(SippMessageTrace.Parse(customer.MessageLog), $"INVITE sip:{CustomerNumber}@");
        Assert.True(agentInvite is not null && customerInvite is not null && agentInvite.LoggedAt <= customerInvite.LoggedAt, ana.MessageLog + customer.MessageLog);
        Assert.Contains("\"Callback " + CustomerNumber + "\"", ana.MessageLog, StringComparison.Ordinal);
    }

    /// <summary>The server with Ana (lang-en), the agent line on 100 queueing into "english", and callbacks through a trunk to <paramref name="customerPort"/>.</summary>
    private static Task<ServerHost> StartAsync(InteropWorkspace workspace, int customerPort)
    {
        var yaml = new StringBuilder(ServerConfigWriter.Render([Ana], trunks: CallbackCustomer.ConfigYaml(customerPort)));
        yaml.Append("""
            queues:
              english:
                skills: { lang-en: 1 }
                ring-timeout: 10s
                wrap-up: 0s
                announce-every: off
                when-nobody-logged-in: wait

            """);
        var config = workspace.WriteFile("callback.yaml", yaml.ToString());
        return ServerHost.StartAsync(workspace, [Ana], ["MD5"], ["--config=" + config, "--Store:Path=" + workspace.PathOf("callcenter.db")]);
    }

    private static SippUasRun AgentAnswers(RtpSink agentRtp, string logName) =>
        new("agent_answer_pcmu.xml")
        {
            Agent = Ana,
            LogName = logName,
            Keys = new Dictionary<string, string> { ["agent_rtp_port"] = agentRtp.Port.ToString(CultureInfo.InvariantCulture) },
            Timeout = TimeSpan.FromSeconds(60),
        };

    private static CallbackDesk Desk(ServerHost server) => server.Services.GetRequiredService<CallbackDesk>();
}
