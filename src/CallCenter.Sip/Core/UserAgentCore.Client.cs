using System.Globalization;
using System.Net;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Core;

/// <summary>The UAC half of the core: requests we originate (INVITE to agents and trunks, BYE, CANCEL…).</summary>
public sealed partial class UserAgentCore
{
    /// <summary>
    /// Sends an INVITE (§13.2.1) to <paramref name="destination"/> (for an agent: the flow its REGISTER came on).
    /// Provisional responses go to <paramref name="onProvisional"/>; a 2xx is acknowledged and yields the dialog.
    /// </summary>
    /// <param name="requestUri">Request-URI (the agent's registered Contact).</param>
    /// <param name="to">To (the agent's address).</param>
    /// <param name="from">From; a fresh tag is added.</param>
    /// <param name="destination">Where the INVITE goes.</param>
    /// <param name="body">The SDP offer, if any.</param>
    /// <param name="contentType">Its type.</param>
    /// <param name="onProvisional">Called with each provisional response (not after a cancel was asked for).</param>
    /// <param name="onAnswered">
    /// Called with the dialog and the 2xx that created it once the dialog can be found but BEFORE the ACK leaves: the
    /// peer may send a request in the dialog (a BYE, a re-INVITE) the moment it has the ACK, and the application must
    /// already know the dialog by then. The application may end the dialog (<see cref="SendByeAsync"/>) from here or
    /// from any thread at once (§15); a request it sends before the ACK has left follows the ACK.
    /// </param>
    /// <param name="credentials">
    /// When given, a 401/407 is answered with them by a new INVITE (§22.2); the application sees one attempt.
    /// </param>
    public OutgoingInvite Invite(
        SipUri requestUri,
        NameAddress to,
        NameAddress from,
        SipRemote destination,
        ReadOnlyMemory<byte> body = default,
        string? contentType = null,
        Action<SipResponse>? onProvisional = null,
        Action<Dialog, SipResponse>? onAnswered = null,
        UacCredentials? credentials = null)
    {
        var request = new SipRequest(SipMethods.Invite, requestUri);
        request.Headers.Add(KnownHeader.Via, ViaFor(destination).ToString());
        request.Headers.Add(KnownHeader.MaxForwards, "70");
        var fromWithTag = NameAddress.Parse(from.ToString());
        fromWithTag.Tag = RandomTag.New();
        request.Headers.Add(KnownHeader.From, fromWithTag.ToString());
        request.Headers.Add(KnownHeader.To, to.ToString());
        request.Headers.Add(KnownHeader.CallId, RandomTag.New() + RandomTag.New() + "@" + LocalAddressResolver.HostText(LocalAddressFor(destination)));
        request.Headers.Add(KnownHeader.CSeq, "1 INVITE");
        request.Headers.Add(KnownHeader.Contact, ContactFor(destination));
        request.Headers.Add(KnownHeader.Allow, Capabilities.AllowHeaderValue);
        if (Capabilities.SupportedExtensions.Count > 0)
        {
            // RFC 4028 §7.1: with "timer" here the answering phone may ask for a session timer in its 2xx.
            request.Headers.Add(KnownHeader.Supported, Capabilities.SupportedHeaderValue);
        }

        request.Headers.Add(KnownHeader.UserAgent, _stack.Options.ProductName);
        if (contentType is not null)
        {
            request.Headers.Add(KnownHeader.ContentType, contentType);
        }

        request.Body = body;
        var invite = new OutgoingInvite(this, request, destination, onProvisional, onAnswered, credentials);
        // The user state goes in with the request: on loopback the first response can beat any later assignment.
        _stack.Transactions.SendRequest(request, destination, invite);
        return invite;
    }

    /// <summary>Ends a dialog with BYE (§15.1.1); completes with the final response, or null on timeout/transport error.</summary>
    public Task<SipResponse?> SendByeAsync(Dialog dialog) => EndWithByeAsync(dialog, ByeSent);

    /// <summary>
    /// Ends the dialog (the handler hears of it once, with <paramref name="reason"/>) and sends the BYE. Only the
    /// caller that actually removes the dialog sends it, so concurrent calls produce one BYE.
    /// </summary>
    private async Task<SipResponse?> EndWithByeAsync(Dialog dialog, string reason)
    {
        if (!EndDialog(dialog, reason))
        {
            return null;
        }

        return await SendInDialogAsync(dialog, SipMethods.Bye).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a request inside a dialog (§12.2.1.1) and completes with its final response (null on failure). A
    /// re-INVITE's 2xx is acknowledged here (§13.2.2.4), and the re-INVITE counts as in progress for the glare rules
    /// (§14.2: a re-INVITE from the peer meanwhile gets 491).
    /// </summary>
    public Task<SipResponse?> SendInDialogAsync(Dialog dialog, string method, ReadOnlyMemory<byte> body = default, string? contentType = null)
    {
        if (method == SipMethods.Invite)
        {
            dialog.BeginOutgoingInvite();
        }

        return SendInDialogCoreAsync(dialog, method, body, contentType, [], continueInline: false);
    }

    /// <summary>
    /// Builds and sends an in-dialog request with <paramref name="headers"/> added; an INVITE must already be begun on
    /// the dialog. With <paramref name="continueInline"/> the awaiting code runs on the thread that delivers the
    /// response (the core's own short, non-blocking continuations: a refresh's next interval starts when its answer
    /// arrives, not when a pool thread gets to it).
    /// </summary>
    private Task<SipResponse?> SendInDialogCoreAsync(
        Dialog dialog,
        string method,
        ReadOnlyMemory<byte> body,
        string? contentType,
        IReadOnlyList<(KnownHeader Header, string Value)> headers,
        bool continueInline)
    {
        var continuations = continueInline ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously;
        var destination = DestinationFor(dialog);
        var targetRefresh = method is SipMethods.Invite or SipMethods.Update;
        var request = dialog.CreateRequest(method, ViaFor(destination), targetRefresh ? ContactFor(destination) : null);
        foreach (var (header, value) in headers)
        {
            request.Headers.Add(header, value);
        }

        if (contentType is not null)
        {
            request.Headers.Add(KnownHeader.ContentType, contentType);
        }

        request.Body = body;
        RecordLocalSessionDescription(dialog, request);
        if (method == SipMethods.Invite)
        {
            var reInvite = new InDialogInvite(this, dialog, request, continuations);
            SendAfterAck(dialog, request, destination, reInvite);
            return reInvite.Completion;
        }

        var completion = new TaskCompletionSource<SipResponse?>(continuations);
        SendAfterAck(dialog, request, destination, completion);
        return completion.Task;
    }

    /// <summary>
    /// Sends a request of ours in <paramref name="dialog"/>. In a dialog our INVITE created, it waits for the ACK of the
    /// 2xx when that has not left yet (the application may hang up while it is being told of the answer).
    /// </summary>
    private void SendAfterAck(Dialog dialog, SipRequest request, SipRemote destination, object userState)
    {
        if (dialog.Invite is { } invite)
        {
            invite.AfterAck(() => _stack.Transactions.SendRequest(request, destination, userState));
        }
        else
        {
            _stack.Transactions.SendRequest(request, destination, userState);
        }
    }

    /// <inheritdoc />
    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        switch (transaction.UserState)
        {
            case OutgoingInvite invite:
                invite.OnResponse(response);
                break;
            case InDialogInvite reInvite:
                reInvite.OnResponse(response);
                break;
            case TaskCompletionSource<SipResponse?> completion when !response.IsProvisional:
                completion.TrySetResult(response);
                break;
        }
    }

    /// <inheritdoc />
    public void OnStrayResponse(SipResponse response, SipRemote source)
    {
        // RFC 6026 §7.2 / §13.2.2.4: a retransmitted 2xx to our INVITE after its transaction ended gets the same ACK again.
        if (!response.IsSuccess || response.CSeq is not { Method: SipMethods.Invite } cseq
            || response.From?.Tag is not { } localTag || response.To?.Tag is not { } remoteTag
            || Dialogs.Find(response.CallId!, localTag, remoteTag) is not { } dialog)
        {
            return;
        }

        if (dialog.ReInviteAck is { } reInviteAck && reInviteAck.CSeq?.Number == cseq.Number)
        {
            SendAck(dialog, reInviteAck);
        }
        else
        {
            dialog.Invite?.ResendAck();
        }
    }

    /// <inheritdoc />
    public void OnFailure(SipTransaction transaction, TransactionFailure failure)
    {
        switch (transaction.UserState)
        {
            case OutgoingInvite invite:
                invite.OnFailure(failure);
                break;
            case InDialogInvite reInvite:
                reInvite.OnFailure();
                break;
            case TaskCompletionSource<SipResponse?> completion:
                completion.TrySetResult(null);
                break;
        }
    }

    /// <summary>
    /// The first 2xx to our INVITE created <paramref name="dialog"/>: it becomes findable, with what it needs for later
    /// requests (our SDP, whether the peer takes UPDATE) and the session timer the 2xx settled (RFC 4028 §7.2).
    /// </summary>
    internal void RegisterDialog(Dialog dialog, OutgoingInvite invite, SipResponse answer)
    {
        dialog.Invite = invite;
        RecordLocalSessionDescription(dialog, invite.Request);
        dialog.NotePeerAllow(answer);
        ApplySessionTimer(dialog, answer);
        Dialogs.TryAdd(dialog);
    }

    /// <summary>§13.2.2.4: the ACK for a 2xx is a new request in the dialog with the INVITE's CSeq number.</summary>
    internal SipRequest CreateAck(Dialog dialog, SipRequest invite)
    {
        var destination = DestinationFor(dialog);
        return dialog.CreateRequest(SipMethods.Ack, ViaFor(destination), null, invite.CSeq!.Number);
    }

    internal void SendAck(Dialog dialog, SipRequest ack) => _ = _stack.SendAsync(ack, DestinationFor(dialog));

    /// <summary>
    /// §9.1: CANCEL copies Request-URI, Call-ID, To, From, Route and the top Via (same branch) of the INVITE,
    /// with the INVITE's CSeq number, and goes where the INVITE went.
    /// </summary>
    internal void SendCancel(OutgoingInvite invite)
    {
        var original = invite.Request;
        var cancel = new SipRequest(SipMethods.Cancel, original.RequestUri!);
        cancel.Headers.Add(KnownHeader.Via, original.Headers[KnownHeader.Via]!);
        cancel.Headers.Add(KnownHeader.MaxForwards, "70");
        cancel.Headers.CopyFrom(original.Headers, KnownHeader.Route);
        cancel.Headers.CopyFrom(original.Headers, KnownHeader.From);
        cancel.Headers.CopyFrom(original.Headers, KnownHeader.To);
        cancel.Headers.CopyFrom(original.Headers, KnownHeader.CallId);
        cancel.Headers.Add(KnownHeader.CSeq, original.CSeq!.Number.ToString(CultureInfo.InvariantCulture) + " CANCEL");
        _stack.Transactions.SendRequest(cancel, invite.Destination);
    }

    /// <summary>Our Contact for a peer reached over <paramref name="remote"/>.</summary>
    internal string ContactFor(SipRemote remote)
    {
        var host = LocalAddressResolver.HostText(LocalAddressFor(remote));
        var port = LocalPortFor(remote.Transport);
        var transport = remote.Transport == SipTransportKind.Tcp ? ";transport=tcp" : string.Empty;
        return $"<sip:callcenter@{host}:{port.ToString(CultureInfo.InvariantCulture)}{transport}>";
    }

    /// <summary>A Via for a new request: our address and port, a fresh branch, and rport (RFC 3581 §3).</summary>
    private ViaHeader ViaFor(SipRemote destination)
    {
        var via = new ViaHeader(destination.Transport == SipTransportKind.Tcp ? "TCP" : "UDP", LocalAddressResolver.HostText(LocalAddressFor(destination)), LocalPortFor(destination.Transport), BranchId.New());
        via.Parameters.Set("rport", null);
        return via;
    }

    private IPAddress LocalAddressFor(SipRemote remote) => _localAddresses.For(remote.EndPoint.Address);

    private int LocalPortFor(SipTransportKind transport)
    {
        var endpoints = transport == SipTransportKind.Tcp ? _stack.TcpEndPoints : _stack.UdpEndPoints;
        return endpoints.Count > 0 ? endpoints[0].Port : 5060;
    }

    /// <summary>
    /// Where a request in the dialog goes: the first route when it names an IP address and port, else
    /// back along the flow the dialog runs on (see <see cref="Dialog.Peer"/>).
    /// </summary>
    private static SipRemote DestinationFor(Dialog dialog)
    {
        if (dialog.RouteSet.Count > 0 && NameAddress.TryParse(dialog.RouteSet[0], out var route, out _)
            && IPAddress.TryParse(route.Uri.Host.Trim('[', ']'), out var address))
        {
            var transport = route.Uri.Transport == "tcp" ? SipTransportKind.Tcp : SipTransportKind.Udp;
            return new SipRemote(transport, new IPEndPoint(address, route.Uri.Port ?? 5060));
        }

        return dialog.Peer;
    }
}
