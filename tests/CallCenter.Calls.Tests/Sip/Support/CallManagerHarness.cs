using System.Net;
using CallCenter.Auth;
using CallCenter.Calls.Actor;
using CallCenter.Calls.Media;
using CallCenter.Calls.Tests.Calls;
using CallCenter.Calls.Tests.Routing;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Stack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests.Sip.Support;

/// <summary>
/// The call manager over the real SIP stack on loopback and a fake clock, with fake media: a caller's phone dials 100
/// (the agent line), presses 1 and is bridged to an agent's phone; both phones are <see cref="SipPeer"/>s, so a test plays either side
/// message by message. Call events run inline, so what a message causes has happened when the server's answer arrives.
/// </summary>
internal sealed class CallManagerHarness : IAsyncDisposable
{
    private readonly List<InboundCall> _ended = [];
    private readonly BindingStore _bindings;
    private RoutingTestKit? _routing;

    private CallManagerHarness(CallOptions options)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
        var stackOptions = new SipStackOptions { ProductName = "CallCenter-Test" };
        stackOptions.Transport.ListenEndPoints.Add(new IPEndPoint(IPAddress.Loopback, 0));
        Stack = new SipStack(stackOptions, NullLoggerFactory.Instance, Time);
        var registrarOptions = new RegistrarOptions();
        _bindings = new BindingStore(registrarOptions, Time);
        Core = new UserAgentCore(
            Stack,
            new RequestAuthenticator(new DigestServer(new DigestServerOptions { Realm = "callcenter.test" }, Time), new NoAgents()),
            new RegistrarService(_bindings, registrarOptions, Time),
            NullLogger<UserAgentCore>.Instance)
        {
            AcceptAnonymousCallers = true,
        };
        Core.AttachTo(Stack);
        Options = options;
    }

    public FakeTimeProvider Time { get; }

    public SipStack Stack { get; }

    public UserAgentCore Core { get; }

    public CallOptions Options { get; }

    public CallManager Manager { get; private set; } = null!;

    public FakeMediaFactory Media { get; } = new();

    public SipPeer Caller { get; private set; } = null!;

    public SipPeer Agent { get; private set; } = null!;

    public IReadOnlyList<InboundCall> Ended
    {
        get
        {
            lock (_ended)
            {
                return [.. _ended];
            }
        }
    }

    private string ServerHostPort => $"127.0.0.1:{Stack.UdpEndPoints[0].Port}";

    /// <summary>
    /// Starts the stack and the manager: number 100 runs flow <c>main</c>, which is the agent line unless
    /// <paramref name="findFlow"/> says otherwise (null: the flow is not loaded).
    /// </summary>
    public static async Task<CallManagerHarness> StartAsync(CallOptions? options = null, Func<string, FlowDefinition?>? findFlow = null)
    {
        var harness = new CallManagerHarness(options ?? new CallOptions());
        await harness.Stack.StartAsync(CancellationToken.None);
        var server = harness.Stack.UdpEndPoints[0];
        harness.Caller = new SipPeer(server, "0917");
        harness.Agent = new SipPeer(server, "1001");
        var agentLine = TestFlows.Load(TestFlows.AgentLine);
        findFlow ??= name => name == "main" ? agentLine : null;
        harness._routing = new RoutingTestKit(harness.Time, [RoutingTestKit.Agent("1001", ("lang-en", 5))], callOptions: harness.Options);
        harness._routing.Register("1001", port: harness.Agent.EndPoint.Port);
        harness.Manager = new CallManager(
            harness.Core,
            harness.Media,
            harness._routing.Router,
            harness._routing.Router,
            new Dictionary<string, string> { ["100"] = "main" },
            findFlow,
            new FlowRuntime(findFlow, (language, _) => language == "en"),
            (_, body) => body.Contains("Signal=1", StringComparison.Ordinal) ? '1' : null,
            harness.Options,
            harness.Time,
            NullLogger<CallManager>.Instance,
            SerialExecutor.InlineDispatch);
        harness.Manager.CallEnded += call =>
        {
            lock (harness._ended)
            {
                harness._ended.Add(call);
            }
        };
        return harness;
    }

    /// <summary>The caller's INVITE to <paramref name="number"/> with an SDP offer (and <paramref name="extraHeaders"/>).</summary>
    public SipRequest CallerInvite(string number, string extraHeaders = "") =>
        SipPeer.Request(
            $"INVITE sip:{number}@{ServerHostPort} SIP/2.0\n{Caller.Via}\nFrom: \"Customer\" <sip:0917@{Caller.HostPort}>;tag=caller-tag\nTo: <sip:{number}@{ServerHostPort}>\n" +
            $"Call-ID: caller-{Guid.NewGuid():N}\nCSeq: 1 INVITE\nContact: {Caller.Contact}\n{extraHeaders}",
            "v=0 caller-offer");

    /// <summary>The caller dials 100 with an SDP offer (and <paramref name="extraHeaders"/>), is answered and acknowledges.</summary>
    public async Task<CallerCall> CallerAnsweredAsync(string extraHeaders = "")
    {
        var invite = CallerInvite("100", extraHeaders);
        var ok = await Caller.SendAndGetFinalAsync(invite);
        Assert.Equal(200, ok.StatusCode);
        var call = new CallerCall(invite, ok);
        Caller.Send(CallerRequest(call, SipMethods.Ack, 1));
        await Caller.SyncAsync();
        return call;
    }

    /// <summary>The caller presses 1; the agent's phone gets the INVITE, answers 200 with its SDP and gets the ACK.</summary>
    public async Task<AgentCall> AgentAnswersAsync(string extraHeaders = "")
    {
        Media.Caller.Raise(new MediaEvent.Digit('1', "rfc4733"));
        var invite = await Agent.ReceiveRequestAsync(SipMethods.Invite);
        var ok = ResponseFactory.Create(invite, 200, null, "agent-tag");
        ok.Headers.Add(KnownHeader.Contact, Agent.Contact);
        foreach (var line in extraHeaders.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            ok.Headers.Add(line[..colon], line[(colon + 1)..].Trim());
        }

        ok.Headers.Add(KnownHeader.ContentType, "application/sdp");
        ok.Body = "v=0 agent-answer"u8.ToArray();
        Agent.Send(ok);
        var ack = await Agent.ReceiveRequestAsync(SipMethods.Ack);
        return new AgentCall(invite, ok, ack);
    }

    /// <summary>A request from the caller's phone in its dialog.</summary>
    public SipRequest CallerRequest(CallerCall call, string method, long cseq, string extraHeaders = "", string? sdp = null) =>
        SipPeer.Request(
            $"{method} {call.ServerContact} SIP/2.0\n{Caller.Via}\nFrom: \"Customer\" <sip:0917@{Caller.HostPort}>;tag=caller-tag\n" +
            $"To: {call.Ok.Headers[KnownHeader.To]}\nCall-ID: {call.Invite.CallId}\nCSeq: {cseq} {method}\nContact: {Caller.Contact}\n{extraHeaders}",
            sdp);

    /// <summary>A request from the agent's phone in the dialog the server placed.</summary>
    public SipRequest AgentRequest(AgentCall call, string method, long cseq, string extraHeaders = "", string? sdp = null) =>
        SipPeer.Request(
            $"{method} {call.ServerContact} SIP/2.0\n{Agent.Via}\nFrom: <sip:1001@{Agent.HostPort}>;tag=agent-tag\n" +
            $"To: {call.Invite.Headers[KnownHeader.From]}\nCall-ID: {call.Invite.CallId}\nCSeq: {cseq} {method}\nContact: {Agent.Contact}\n{extraHeaders}",
            sdp);

    /// <summary>The phone's 200 to a request the server sent it.</summary>
    public static SipResponse Ok(SipRequest request) => ResponseFactory.Create(request, 200);

    /// <summary>Advances the fake clock in 10 ms steps, so each timer fires at its own instant.</summary>
    public void RunFor(TimeSpan duration)
    {
        var end = Time.GetUtcNow() + duration;
        while (Time.GetUtcNow() < end)
        {
            var step = end - Time.GetUtcNow();
            Time.Advance(step < TimeSpan.FromMilliseconds(10) ? step : TimeSpan.FromMilliseconds(10));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Caller?.Dispose();
        Agent?.Dispose();
        await Stack.DisposeAsync();
        _bindings.Dispose();
        _routing?.Dispose();
    }

    private sealed class NoAgents : ISipCredentialStore
    {
        public DigestSecret? Find(string username) => null;
    }
}

/// <summary>The caller's call as its phone sees it: its INVITE and our 200.</summary>
internal sealed record CallerCall(SipRequest Invite, SipResponse Ok)
{
    public string ServerContact => Ok.TryGetContacts(out var contacts, out _, out _) ? contacts[0].Uri.ToString() : throw new InvalidOperationException("no Contact");

    /// <summary>The dialog as the server knows it.</summary>
    public DialogId ServerDialog => new(Invite.CallId!, Ok.To!.Tag!, Invite.From!.Tag!);
}

/// <summary>The agent's call as its phone sees it: our INVITE, its 200 and our ACK.</summary>
internal sealed record AgentCall(SipRequest Invite, SipResponse Ok, SipRequest Ack)
{
    public string ServerContact => Invite.TryGetContacts(out var contacts, out _, out _) ? contacts[0].Uri.ToString() : throw new InvalidOperationException("no Contact");
}
