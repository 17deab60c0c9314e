using CallCenter.Sip.Message;
using CallCenter.Sip.SessionTimers;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Dialogs;

/// <summary>
/// The session side of a dialog: the INVITE transactions in progress in either direction (for the glare rules of
/// RFC 3261 §14 and RFC 3311 §5.2), the last session description we sent, what the peer allows, and its session
/// timer (RFC 4028).
/// </summary>
public sealed partial class Dialog
{
    private ServerTransaction? _incomingInvite;
    private bool _outgoingInvite;
    private ReadOnlyMemory<byte> _localSessionDescription;
    private SessionTimer? _sessionTimer;
    private volatile bool _peerAllowsUpdate;
    private volatile SipRequest? _reInviteAck;

    /// <summary>
    /// The last SDP we sent in this dialog (our offer or answer, in a request or a 2xx). A session refresh by re-INVITE
    /// offers it again unchanged, which leaves the session as it is (RFC 3264 §8: same version, same description).
    /// </summary>
    internal ReadOnlyMemory<byte> LocalSessionDescription
    {
        get
        {
            lock (_gate)
            {
                return _localSessionDescription;
            }
        }

        set
        {
            lock (_gate)
            {
                _localSessionDescription = value;
            }
        }
    }

    /// <summary>Whether the peer listed UPDATE in an Allow header field (RFC 3311 §5.1); refreshes then use UPDATE.</summary>
    internal bool PeerAllowsUpdate
    {
        get => _peerAllowsUpdate;
        set => _peerAllowsUpdate = value;
    }

    /// <summary>The ACK we sent for the 2xx to our last re-INVITE, sent again when that 2xx is retransmitted (§13.2.2.4).</summary>
    internal SipRequest? ReInviteAck
    {
        get => _reInviteAck;
        set => _reInviteAck = value;
    }

    /// <summary>The dialog's session timer, once one was negotiated.</summary>
    public SessionTimer? SessionTimer => Volatile.Read(ref _sessionTimer);

    /// <summary>Notes whether <paramref name="message"/>'s Allow lists UPDATE; a message without Allow changes nothing.</summary>
    internal void NotePeerAllow(SipMessage message)
    {
        if (message.Headers.Contains(KnownHeader.Allow))
        {
            _peerAllowsUpdate = message.Headers.ElementsOf(KnownHeader.Allow).Contains(SipMethods.Update, StringComparer.Ordinal);
        }
    }

    /// <summary>The session timer, created on first use; null once the dialog has ended.</summary>
    internal SessionTimer? EnsureSessionTimer(Func<SessionTimer> create)
    {
        lock (_gate)
        {
            if (State == DialogState.Terminated)
            {
                return null;
            }

            return _sessionTimer ??= create();
        }
    }

    /// <summary>Stops the session timer for good (the dialog ended).</summary>
    internal void StopSessionTimer()
    {
        SessionTimer? timer;
        lock (_gate)
        {
            timer = _sessionTimer;
        }

        timer?.Dispose();
    }

    /// <summary>
    /// A re-INVITE arrived: records it as the INVITE in progress, or says why it conflicts with one (§14.2).
    /// </summary>
    internal InviteConflict TryBeginIncomingInvite(ServerTransaction reInvite)
    {
        lock (_gate)
        {
            var conflict = OfferConflictLocked();
            if (conflict == InviteConflict.None)
            {
                _incomingInvite = reInvite;
            }

            return conflict;
        }
    }

    /// <summary>An UPDATE carrying an offer arrived: whether it conflicts with an offer in progress (RFC 3311 §5.2).</summary>
    internal InviteConflict OfferConflict()
    {
        lock (_gate)
        {
            return OfferConflictLocked();
        }
    }

    /// <summary>Starts a re-INVITE of ours unless an INVITE is in progress in either direction (§14.1).</summary>
    internal bool TryBeginOutgoingInvite()
    {
        lock (_gate)
        {
            if (OfferConflictLocked() != InviteConflict.None)
            {
                return false;
            }

            _outgoingInvite = true;
            return true;
        }
    }

    /// <summary>Marks a re-INVITE of ours as in progress whatever else is (the application chose to send it).</summary>
    internal void BeginOutgoingInvite()
    {
        lock (_gate)
        {
            _outgoingInvite = true;
        }
    }

    /// <summary>Our re-INVITE got its final response (or failed).</summary>
    internal void EndOutgoingInvite()
    {
        lock (_gate)
        {
            _outgoingInvite = false;
        }
    }

    // Theirs first: a second INVITE before our final response to the first is the peer's error (500 + Retry-After).
    // Ours: a re-INVITE we sent still without a final response, or a 2xx of ours (which may carry an offer) not yet
    // acknowledged: the exchange is unfinished, so a new offer crosses it (491).
    private InviteConflict OfferConflictLocked()
    {
        if (_incomingInvite is { State: TransactionState.Proceeding })
        {
            return InviteConflict.TheirsInProgress;
        }

        return _outgoingInvite || Retransmitter is not null ? InviteConflict.OursInProgress : InviteConflict.None;
    }
}

/// <summary>Why a new offer inside a dialog cannot be taken now (RFC 3261 §14.2, RFC 3311 §5.2).</summary>
internal enum InviteConflict
{
    /// <summary>No conflict: the request may proceed.</summary>
    None,

    /// <summary>An INVITE or offer of ours is unfinished: 491 Request Pending.</summary>
    OursInProgress,

    /// <summary>The peer's previous INVITE has no final response yet: 500 with Retry-After.</summary>
    TheirsInProgress,
}
