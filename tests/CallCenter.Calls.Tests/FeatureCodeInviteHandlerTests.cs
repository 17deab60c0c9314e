using System.Net;
using CallCenter.Auth;
using CallCenter.Calls.Actor;
using CallCenter.Calls.FeatureCodes;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using CallCenter.Calls.Tests.Sip.Support;
using CallCenter.Routing;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Stack;
using CallCenter.Sip.Transactions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests;

/// <summary>
/// Feature codes over the real SIP stack on loopback: only an agent proven by digest (RFC 3261 §22) may use one; the
/// agent's call is answered, the change asked of routing, the confirmation played and the call hung up; every other
/// INVITE and dialog event goes to the wrapped call handler.
/// </summary>
public sealed class FeatureCodeInviteHandlerTests : IAsyncDisposable
{
    private const string Password = "pw1001";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
    private readonly SipStack _stack;
    private readonly BindingStore _bindings;
    private readonly UserAgentCore _core;
    private readonly FakeMediaFactory _media = new();
    private readonly ApplyingCentre _centre = new();
    private readonly CallsBehind _calls = new();
    private readonly FeatureCodeInviteHandler _handler;
    private SipPeer? _agent;
    private SipPeer? _public;

    public FeatureCodeInviteHandlerTests()
    {
        var options = new SipStackOptions { ProductName = "CallCenter-Test" };
        options.Transport.ListenEndPoints.Add(new IPEndPoint(IPAddress.Loopback, 0));
        _stack = new SipStack(options, NullLoggerFactory.Instance, _time);
        var registrarOptions = new RegistrarOptions();
        _bindings = new BindingStore(registrarOptions, _time);
        _core = new UserAgentCore(
            _stack,
            new RequestAuthenticator(new DigestServer(new DigestServerOptions { Realm = "callcenter.test" }, _time), new OneAgent()),
            new RegistrarService(_bindings, registrarOptions, _time),
            NullLogger<UserAgentCore>.Instance)
        {
            AcceptAnonymousCallers = true,
        };
        _core.AttachTo(_stack);
        _core.InviteHandler = _calls;
        Assert.True(FeatureCodeCatalog.TryCreate(new FeatureCodeOptions(), out var catalog, out _));
        _handler = new FeatureCodeInviteHandler(
            _core, _calls, catalog!, _centre, _media, _time, NullLogger<FeatureCodeInviteHandler>.Instance, SerialExecutor.InlineDispatch);
        _handler.Install();
    }

    private SipPeer Agent => _agent!;

    private SipPeer Public => _public!;

    private string Server => $"127.0.0.1:{_stack.UdpEndPoints[0].Port}";

    [Fact]
    public async Task AnAuthenticatedAgentIsAnsweredConfirmedAndHungUpOn()
    {
        await StartAsync();
        var (invite, ok) = await AgentCallAsync("*23");
        Agent.Send(Ack(invite, ok));

        // The 200 leaves before routing is asked; the server has done both once it answers the probe behind the ACK.
        await Agent.SyncAsync();
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal([("1001", AgentStateCommand.Pause, "break")], _centre.Requests);
        var media = _media.Created.Single();
        Assert.Equal(["play:" + FeatureCodePrompts.Paused], media.Actions);

        media.FinishPlayback();
        var bye = await Agent.ReceiveRequestAsync(SipMethods.Bye);
        Agent.Send(ResponseFactory.Create(bye, 200));
        await Agent.SyncAsync();

        Assert.True(media.Disposed);
        Assert.Equal(0, _handler.ActiveCalls);
        Assert.Empty(_calls.Invites);
    }

    [Fact]
    public async Task AnAgentWhoHangsUpDuringTheConfirmationGetsNoByeAndTheMediaIsReleased()
    {
        await StartAsync();
        var (invite, ok) = await AgentCallAsync("*21");
        Agent.Send(Ack(invite, ok));

        var byeOk = await Agent.SendAndGetFinalAsync(InDialog(invite, ok, SipMethods.Bye, 3));

        Assert.Equal(200, byeOk.StatusCode);
        Assert.True(_media.Created.Single().Disposed);
        Assert.DoesNotContain(await Agent.SyncAsync(), m => m is SipRequest { Method: SipMethods.Bye });
        Assert.Equal(0, _handler.ActiveCalls);
        Assert.Equal([("1001", AgentStateCommand.LogIn, (string?)null)], _centre.Requests);
    }

    [Fact]
    public async Task AReInviteDuringTheConfirmationIsRefusedAndTheCallGoesOn()
    {
        await StartAsync();
        var (invite, ok) = await AgentCallAsync("*23");
        Agent.Send(Ack(invite, ok));

        var refused = await Agent.SendAndGetFinalAsync(InDialog(invite, ok, SipMethods.Invite, 3, "v=0 hold"));

        Assert.Equal(488, refused.StatusCode);
        Assert.False(_media.Created.Single().Disposed);
    }

    [Fact]
    public async Task AFeatureCodeFromSomeoneWhoIsNotAnAgentIsForbidden()
    {
        await StartAsync();
        var invite = SipPeer.Request(
            $"INVITE sip:*23@{Server} SIP/2.0\n{Public.Via}\nFrom: <sip:0917@{Public.HostPort}>;tag=public\nTo: <sip:*23@{Server}>\n" +
            $"Call-ID: fc-{Guid.NewGuid():N}\nCSeq: 1 INVITE\nContact: {Public.Contact}",
            "v=0 offer");

        var response = await Public.SendAndGetFinalAsync(invite);

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(_centre.Requests);
        Assert.Empty(_media.Created);
        Assert.Empty(_calls.Invites);
    }

    [Fact]
    public async Task OtherNumbersGoToTheCallHandler()
    {
        await StartAsync();
        var invite = SipPeer.Request(
            $"INVITE sip:100@{Server} SIP/2.0\n{Public.Via}\nFrom: <sip:0917@{Public.HostPort}>;tag=public\nTo: <sip:100@{Server}>\n" +
            $"Call-ID: call-{Guid.NewGuid():N}\nCSeq: 1 INVITE\nContact: {Public.Contact}",
            "v=0 offer");

        var response = await Public.SendAndGetFinalAsync(invite);

        Assert.Equal(404, response.StatusCode);
        Assert.Equal(["100"], _calls.Invites);
        Assert.Empty(_media.Created);
    }

    public async ValueTask DisposeAsync()
    {
        _agent?.Dispose();
        _public?.Dispose();
        await _stack.DisposeAsync();
        _bindings.Dispose();
    }

    private async Task StartAsync()
    {
        await _stack.StartAsync(CancellationToken.None);
        _agent = new SipPeer(_stack.UdpEndPoints[0], "1001");
        _public = new SipPeer(_stack.UdpEndPoints[0], "0917");
    }

    /// <summary>The agent dials <paramref name="code"/>: challenged, then authenticated (RFC 3261 §22.2); the final answer.</summary>
    private async Task<(SipRequest Invite, SipResponse Final)> AgentCallAsync(string code)
    {
        var callId = $"fc-{Guid.NewGuid():N}";
        var first = AgentInvite(code, callId, 1, authorization: null);
        var challenge = await Agent.SendAndGetFinalAsync(first);
        Assert.Equal(401, challenge.StatusCode);
        Agent.Send(SipPeer.Request(
            $"ACK sip:{code}@{Server} SIP/2.0\n{first.Headers[KnownHeader.Via]!.Insert(0, "Via: ")}\nMax-Forwards: 70\n" +
            $"From: {first.Headers[KnownHeader.From]}\nTo: {challenge.Headers[KnownHeader.To]}\nCall-ID: {callId}\nCSeq: 1 ACK"));

        Assert.True(DigestChallenge.TryParse(challenge.Headers[KnownHeader.WwwAuthenticate], out var parsed, out var error), error);
        var authorization = new DigestClient().CreateAuthorization(parsed!, "1001", Password, SipMethods.Invite, $"sip:{code}@{Server}");
        var second = AgentInvite(code, callId, 2, authorization);
        return (second, await Agent.SendAndGetFinalAsync(second));
    }

    private SipRequest AgentInvite(string code, string callId, int cseq, string? authorization) =>
        SipPeer.Request(
            $"INVITE sip:{code}@{Server} SIP/2.0\n{Agent.Via}\nFrom: <sip:1001@{Server}>;tag=agent\nTo: <sip:{code}@{Server}>\n" +
            $"Call-ID: {callId}\nCSeq: {cseq} INVITE\nContact: {Agent.Contact}" + (authorization is null ? string.Empty : $"\nAuthorization: {authorization}"),
            "v=0 agent-offer");

    private SipRequest Ack(SipRequest invite, SipResponse ok) => InDialog(invite, ok, SipMethods.Ack, invite.CSeq!.Number);

    private SipRequest InDialog(SipRequest invite, SipResponse ok, string method, long cseq, string? sdp = null)
    {
        Assert.True(ok.TryGetContacts(out var contacts, out _, out _));
        return SipPeer.Request(
            $"{method} {contacts[0].Uri} SIP/2.0\n{Agent.Via}\nFrom: {invite.Headers[KnownHeader.From]}\nTo: {ok.Headers[KnownHeader.To]}\n" +
            $"Call-ID: {invite.CallId}\nCSeq: {cseq} {method}\nContact: {Agent.Contact}",
            sdp);
    }

    private sealed class OneAgent : ISipCredentialStore
    {
        public DigestSecret? Find(string username) => username == "1001" ? DigestSecret.FromPassword(Password) : null;
    }

    /// <summary>Routing that applies every change at once.</summary>
    private sealed class ApplyingCentre : IContactCentre
    {
        public List<(string, AgentStateCommand, string?)> Requests { get; } = [];

        public Task<IReadOnlyList<AgentStatus>> GetAgentsAsync() => throw new NotSupportedException();

        public Task<IReadOnlyList<QueueStatus>> GetQueuesAsync() => throw new NotSupportedException();

        public Task<AgentStateChangeResult> ChangeAgentStateAsync(string extension, AgentStateCommand command, string? reason)
        {
            lock (Requests)
            {
                Requests.Add((extension, command, reason));
            }

            var agent = new AgentStatus(extension, "Ana", AgentState.Available, null, DateTimeOffset.UnixEpoch, new Dictionary<string, int>(), true, 0, null);
            return Task.FromResult(new AgentStateChangeResult(agent, null));
        }
    }

    /// <summary>The call handler behind the feature codes: refuses every number with 404 and records it.</summary>
    private sealed class CallsBehind : IInviteHandler
    {
        public List<string> Invites { get; } = [];

        public void OnInvite(ServerTransaction invite, string? caller)
        {
            Invites.Add(invite.Request.RequestUri!.UnescapedUser!);
            invite.Respond(invite.CreateResponse(404));
        }

        public void OnCancelled(ServerTransaction invite)
        {
        }

        public void OnAck(Dialog dialog, SipRequest ack)
        {
        }

        public void OnInDialogRequest(Dialog dialog, ServerTransaction transaction) => transaction.Respond(transaction.CreateResponse(200));

        public void OnDialogEnded(Dialog dialog, string reason)
        {
        }
    }
}
