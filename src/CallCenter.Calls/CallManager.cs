using System.Text;
using CallCenter.Calls.Actor;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using CallCenter.Calls.Sip;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.SessionTimers;
using CallCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls;

/// <summary>
/// The application's call handling (<see cref="IInviteHandler"/>): turns each INVITE to a configured number
/// into an <see cref="InboundCall"/> running that number's IVR flow, and routes every later SIP event of that call to it, from either dialog: the
/// caller's (ACK, CANCEL, BYE, INFO, re-INVITE, UPDATE) and the agent's (BYE, re-INVITE, UPDATE, ACK). Keeps nothing
/// once a call has ended: the maps are emptied as calls finish.
/// </summary>
public sealed class CallManager : IInviteHandler
{
    private readonly UserAgentCore _core;
    private readonly IReadOnlyDictionary<string, string> _numbers;
    private readonly Func<string, FlowDefinition?> _findFlow;
    private readonly Func<string, string, char?> _parseInfoDigit;
    private readonly SipAgentDialer _dialer;
    private readonly SessionChangeAnswerer _sessionChanges;
    private readonly CallServices _services;
    private readonly Action<Action> _dispatch;
    private readonly CallerCallTable<InboundCall> _calls;

    /// <summary>Creates the manager and installs it as the core's invite handler.</summary>
    /// <param name="core">The UA core.</param>
    /// <param name="media">Creates the media of each leg.</param>
    /// <param name="router">Routing: where queued calls wait for an agent.</param>
    /// <param name="queues">Maps a flow's queue node to a queue; tells flows who is logged in.</param>
    /// <param name="numbers">Dialled numbers we answer (number → flow name); others get 404.</param>
    /// <param name="findFlow">
    /// The loaded, valid flow of a name, or null; asked at each INVITE, so a reloaded flow serves the next call. A number
    /// whose flow is missing or invalid gets 480.
    /// </param>
    /// <param name="flows">Runs each call's flow (one runtime for all calls).</param>
    /// <param name="parseInfoDigit">Reads a key press from a SIP INFO (content type, body), or null.</param>
    /// <param name="options">Timers; its session-timer policy becomes the core's (RFC 4028).</param>
    /// <param name="time">Clock for call timers.</param>
    /// <param name="logger">Log.</param>
    /// <param name="dispatch">Where call events run (the thread pool; tests pass an inline dispatcher).</param>
    public CallManager(
        UserAgentCore core,
        ICallMediaFactory media,
        IQueueRouter router,
        IQueuePlanner queues,
        IReadOnlyDictionary<string, string> numbers,
        Func<string, FlowDefinition?> findFlow,
        FlowRuntime flows,
        Func<string, string, char?> parseInfoDigit,
        CallOptions options,
        TimeProvider time,
        ILogger<CallManager> logger,
        Action<Action>? dispatch = null)
    {
        _core = core;
        _numbers = numbers;
        _findFlow = findFlow;
        _parseInfoDigit = parseInfoDigit;
        _dialer = new SipAgentDialer(core);
        _sessionChanges = new SessionChangeAnswerer(core);
        _dispatch = dispatch ?? SerialExecutor.ThreadPoolDispatch;
        _services = new CallServices(media, _dialer, router, queues, flows, findFlow, time, options, logger, OnCallEnded);
        _calls = new CallerCallTable<InboundCall>(core, logger);
        core.SessionTimers = SessionTimerOptions.From(options.SessionExpires, options.MinSE);
        core.InviteHandler = this;
    }

    /// <summary>
    /// Places the call legs whose dialogs this manager routes events to; a trunk dialer places its calls through it so
    /// the callee's BYE and re-INVITEs reach the leg (<see cref="Trunks.SipTrunkDialer"/>).
    /// </summary>
    internal SipAgentDialer LegDialer => _dialer;

    /// <summary>
    /// Where calls book, find and withdraw callbacks; set once at start when callbacks are configured. While null every
    /// callback a flow asks for is refused.
    /// </summary>
    public Callbacks.ICallbackRequests? Callbacks { get; set; }

    /// <summary>Calls in progress.</summary>
    public int ActiveCalls => _calls.Count;

    /// <summary>Raised when a call has ended and released everything (for metrics).</summary>
    public event Action<InboundCall>? CallEnded;

    /// <inheritdoc />
    public void OnInvite(ServerTransaction invite, string? caller)
    {
        var dialled = invite.Request.RequestUri?.UnescapedUser ?? string.Empty;
        if (!_numbers.TryGetValue(dialled, out var flowName))
        {
            invite.Respond(invite.CreateResponse(404, "No such number"));
            return;
        }

        if (_findFlow(flowName) is not { } flow)
        {
            // The number is ours but nothing can answer it now (RFC 3261 §21.4.18); fixing the flow file makes it
            // answer again without a restart.
            _services.Logger.LogWarning(
                "Refusing call {CallId} to {Number} with 480: its flow {Flow} is not loaded (the file is missing or invalid; 'flows check' lists its problems)",
                invite.Request.CallId, dialled, flowName);
            invite.Respond(invite.CreateResponse(480, "Temporarily Unavailable"));
            return;
        }

        if (_calls.Add(invite, caller, leg => new InboundCall(leg, flow, _services, _dispatch)) is not { } call)
        {
            return;
        }

        if (Callbacks is { } callbacks)
        {
            call.UseCallbackDesk(callbacks);
        }

        call.Start();
    }

    /// <inheritdoc />
    public void OnCancelled(ServerTransaction invite) => _calls.Find(invite)?.OnCallerHangup();

    /// <inheritdoc />
    public void OnAck(Dialog dialog, SipRequest ack) =>
        PartyOf(dialog)?.Acknowledged(SdpBody.Read(ack));

    /// <inheritdoc />
    public void OnInDialogRequest(Dialog dialog, ServerTransaction transaction)
    {
        var request = transaction.Request;
        switch (request.Method)
        {
            case SipMethods.Info when _calls.Find(dialog.Id) is { } call && request.ContentType is { } type:
                var digit = _parseInfoDigit(type, Encoding.UTF8.GetString(request.Body.Span));
                transaction.Respond(transaction.CreateResponse(digit is null ? 415 : 200));
                if (digit is { } key)
                {
                    call.OnInfoDigit(key);
                }

                break;
            case SipMethods.Invite or SipMethods.Update:
                OnSessionChange(dialog, transaction);
                break;
            default:
                transaction.Respond(transaction.CreateResponse(200));
                break;
        }
    }

    /// <inheritdoc />
    public void OnDialogEnded(Dialog dialog, string reason)
    {
        if (_dialer.OnDialogEnded(dialog, reason))
        {
            return;
        }

        if (_calls.RemoveDialog(dialog.Id) is not { } call)
        {
            return;
        }

        switch (reason)
        {
            case UserAgentCore.ByeSent:
                break;
            case UserAgentCore.SessionExpired:
                call.OnCallerSessionExpired();
                break;
            default:
                call.OnCallerHangup();
                break;
        }
    }

    /// <summary>Finds the call of a caller's dialog (tests).</summary>
    internal InboundCall? FindCall(DialogId dialog) => _calls.Find(dialog);

    /// <summary>A re-INVITE or UPDATE, from the caller or the agent: only that side's session changes.</summary>
    private void OnSessionChange(Dialog dialog, ServerTransaction transaction)
    {
        if (PartyOf(dialog) is not { } party)
        {
            // The dialog outlived its call (a BYE is on its way): no session to change.
            transaction.Respond(transaction.CreateResponse(481));
            return;
        }

        _sessionChanges.OnSessionChange(dialog, transaction, party);
    }

    /// <summary>The side of a call <paramref name="dialog"/> belongs to: the caller's call, or the agent's leg.</summary>
    private ISessionParty? PartyOf(Dialog dialog) =>
        _calls.Find(dialog.Id) ?? (ISessionParty?)_dialer.Find(dialog.Id);

    private void OnCallEnded(InboundCall call)
    {
        // Each call knows its own keys: ending a call costs the same with ten calls up or ten thousand.
        _calls.Remove((SipCallerLeg)call.Signalling, keepDialog: false);

        CallEnded?.Invoke(call);
    }
}
