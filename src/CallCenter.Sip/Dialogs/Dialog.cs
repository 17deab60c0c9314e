using System.Globalization;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Dialogs;

/// <summary>
/// The state of one dialog (RFC 3261 §12.1) and the construction of requests inside it (§12.2.1.1).
/// Requests go to the first route, or else back along the flow the dialog was set up on
/// (<see cref="Peer"/>): a softphone behind NAT often advertises a Contact we cannot reach directly,
/// and on TCP this reuses its connection.
/// </summary>
public sealed partial class Dialog
{
    private readonly object _gate = new();
    private long _localSeq;
    private Uas2xxRetransmitter? _retransmitter;
    private long _lastAckedInviteSeq = -1;

    internal Dialog(DialogId id, bool isUac, SipUri localUri, SipUri remoteUri, SipUri remoteTarget, IReadOnlyList<string> routeSet, long localSeq, long? remoteSeq, SipRemote peer, DialogState state)
    {
        Id = id;
        IsUac = isUac;
        LocalUri = localUri;
        RemoteUri = remoteUri;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        _localSeq = localSeq;
        RemoteSeq = remoteSeq;
        Peer = peer;
        State = state;
    }

    /// <summary>Call-ID and tags.</summary>
    public DialogId Id { get; }

    /// <summary>True when we sent the INVITE.</summary>
    public bool IsUac { get; }

    /// <summary>Our URI (From of our requests).</summary>
    public SipUri LocalUri { get; }

    /// <summary>The peer's URI (To of our requests).</summary>
    public SipUri RemoteUri { get; }

    /// <summary>The peer's Contact, updated by target-refresh requests (§12.2.2).</summary>
    public SipUri RemoteTarget { get; private set; }

    /// <summary>Record-Route derived route set, in the order our requests use it.</summary>
    public IReadOnlyList<string> RouteSet { get; }

    /// <summary>Highest CSeq seen from the peer (null until it sends a request, §12.1.2).</summary>
    public long? RemoteSeq { get; private set; }

    /// <summary>Where our in-dialog requests are sent when there is no route set.</summary>
    public SipRemote Peer { get; internal set; }

    /// <summary>Early, confirmed or terminated.</summary>
    public DialogState State { get; internal set; }

    /// <summary>UAS side: retransmits our 2xx until the ACK (§13.3.1.4).</summary>
    internal Uas2xxRetransmitter? Retransmitter
    {
        get => Volatile.Read(ref _retransmitter);
        set => Volatile.Write(ref _retransmitter, value);
    }

    /// <summary>UAC side: the INVITE that created the dialog, to re-acknowledge retransmitted 2xx (§13.2.2.4).</summary>
    internal Core.OutgoingInvite? Invite { get; set; }

    /// <summary>
    /// Stops and forgets the 2xx retransmitter. Atomic, because the ACK (receive thread) and the give-up timer or a
    /// BYE can race for it; true for the caller that stopped a running one.
    /// </summary>
    internal bool StopRetransmitter()
    {
        var retransmitter = Interlocked.Exchange(ref _retransmitter, null);
        retransmitter?.Dispose();
        return retransmitter is not null;
    }

    /// <summary>
    /// Stops the retransmitter only when it is for the INVITE numbered <paramref name="inviteSeq"/>: a late ACK for an
    /// earlier 2xx must not silence the 2xx of a later re-INVITE (§13.3.1.4 ties each ACK to its own INVITE).
    /// </summary>
    internal bool StopRetransmitterFor(long inviteSeq)
    {
        var current = Volatile.Read(ref _retransmitter);
        if (current is null || current.InviteSeq != inviteSeq || Interlocked.CompareExchange(ref _retransmitter, null, current) != current)
        {
            return false;
        }

        current.Dispose();
        return true;
    }

    /// <summary>Current local CSeq number.</summary>
    public long LocalSeq => Interlocked.Read(ref _localSeq);

    /// <summary>
    /// §12.2.2: a request whose CSeq is lower than the last one is out of order (answer 500); equal means a
    /// retransmission handled by the transaction layer. Accepts and records it otherwise.
    /// </summary>
    public bool TryAcceptRemoteSeq(long cseq)
    {
        lock (_gate)
        {
            if (RemoteSeq is { } last && cseq < last)
            {
                return false;
            }

            RemoteSeq = cseq;
            return true;
        }
    }

    /// <summary>
    /// True for the first ACK of the INVITE numbered <paramref name="inviteSeq"/>; false for further ones, which
    /// arrive when a retransmitted 2xx crossed the ACK (§13.3.1.4): one acknowledgement is reported once.
    /// </summary>
    internal bool TryAcceptAck(long inviteSeq)
    {
        lock (_gate)
        {
            if (inviteSeq <= _lastAckedInviteSeq)
            {
                return false;
            }

            _lastAckedInviteSeq = inviteSeq;
            return true;
        }
    }

    /// <summary>§12.2.2: a target refresh (re-INVITE, UPDATE) replaces the remote target with its Contact.</summary>
    public void RefreshTarget(SipRequest request)
    {
        if (request.TryGetContacts(out var contacts, out _, out _) && contacts.Count == 1)
        {
            lock (_gate)
            {
                RemoteTarget = contacts[0].Uri;
            }
        }
    }

    /// <summary>
    /// Builds a request in this dialog (§12.2.1.1). ACK and CANCEL reuse <paramref name="cseqOverride"/>
    /// (the INVITE's number); every other method takes the next local CSeq.
    /// </summary>
    public SipRequest CreateRequest(string method, ViaHeader via, string? contact, long? cseqOverride = null)
    {
        var cseq = cseqOverride ?? Interlocked.Increment(ref _localSeq);
        SipUri target;
        lock (_gate)
        {
            target = RemoteTarget;
        }

        // §12.2.1.1 with a loose-routing first hop (lr): the Request-URI is the remote target and the route set
        // goes into Route unchanged. Strict routers (no lr) are obsolete and not supported.
        var request = new SipRequest(method, target);
        request.Headers.Add(KnownHeader.Via, via.ToString());
        request.Headers.Add(KnownHeader.MaxForwards, "70");
        foreach (var route in RouteSet)
        {
            request.Headers.Add(KnownHeader.Route, route);
        }

        request.Headers.Add(KnownHeader.From, $"<{LocalUri}>;tag={Id.LocalTag}");
        request.Headers.Add(KnownHeader.To, $"<{RemoteUri}>;tag={Id.RemoteTag}");
        request.Headers.Add(KnownHeader.CallId, Id.CallId);
        request.Headers.Add(KnownHeader.CSeq, cseq.ToString(CultureInfo.InvariantCulture) + " " + method);
        if (contact is not null)
        {
            request.Headers.Add(KnownHeader.Contact, contact);
        }

        return request;
    }
}
