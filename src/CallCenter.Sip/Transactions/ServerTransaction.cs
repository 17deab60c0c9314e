using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// A server transaction (RFC 3261 §17.2): holds the request, sends the user's responses to where §18.2.2 says, and
/// absorbs or answers retransmissions. Created by <see cref="SipTransactionLayer"/> for each new request.
/// </summary>
public abstract class ServerTransaction : SipTransaction
{
    private volatile string? _responseToTag;
    private volatile bool _cancelled;

    private protected ServerTransaction(
        TransactionContext context,
        TransactionKind kind,
        SipRequest request,
        SipRemote source,
        ServerTransactionIdentity identity,
        TransactionState initialState,
        bool userVisible)
        : base(context, kind, request, identity.Branch ?? string.Empty, initialState, userVisible)
    {
        Source = source;
        Identity = identity;
        ResponseDestination = request.TopVia is { } topVia ? ResponseRouter.Route(topVia, source) : source;
        LocalTag = RandomTag.New();
    }

    /// <summary>Where the request came from (transport, address, connection).</summary>
    public SipRemote Source { get; }

    /// <summary>Where responses go (§18.2.2, RFC 3581 §4), worked out once from the request's top Via.</summary>
    public SipRemote ResponseDestination { get; }

    /// <summary>
    /// A fresh To tag for responses to this request (§8.2.6.2). <see cref="CreateResponse"/> uses it, and the layer
    /// uses it in the 200 to a CANCEL unless a response already carried another tag (§9.2: both should agree).
    /// </summary>
    public string LocalTag { get; }

    /// <summary>True once a CANCEL matched this INVITE before its final response (§9.2).</summary>
    public bool IsCancelled => _cancelled;

    internal ServerTransactionIdentity Identity { get; }

    /// <summary>The To tag of the last response sent, for RFC 2543 ACK matching (§17.2.3).</summary>
    internal string? ResponseToTag => _responseToTag;

    /// <summary>The To tag the 200 to a CANCEL of this request carries (§9.2).</summary>
    internal string TagForCancelResponse => _responseToTag ?? LocalTag;

    /// <summary>A response to <see cref="SipTransaction.Request"/> built per §8.2.6, with <see cref="LocalTag"/> as To tag (not on 100).</summary>
    public SipResponse CreateResponse(int statusCode, string? reasonPhrase = null) =>
        ResponseFactory.Create(Request, statusCode, reasonPhrase, LocalTag);

    /// <summary>
    /// Sends a response through the transaction. Thread-safe. Returns false, sending nothing, when the state
    /// accepts no more responses: after a final response (except further 2xx to an INVITE, which RFC 6026 §7.1
    /// passes to the transport for the user's own retransmissions, §13.3.1.4) or after termination. The message
    /// must not be changed afterwards: retransmissions send the same object.
    /// </summary>
    public bool Respond(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentOutOfRangeException.ThrowIfLessThan(response.StatusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(response.StatusCode, 699);
        bool accepted;
        lock (Gate)
        {
            accepted = State != TransactionState.Terminated && RespondLocked(response);
        }

        DeliverPending();
        return accepted;
    }

    /// <summary>Tells the user about the request and arms the initial timers.</summary>
    internal void Start()
    {
        lock (Gate)
        {
            NotifyUser(nameof(ITransactionUser.OnRequest), user => user.OnRequest(this));
            StartLocked();
        }

        DeliverPending();
    }

    /// <summary>The request arrived again (§17.2.3 matched it to this transaction).</summary>
    internal void OnRetransmission()
    {
        lock (Gate)
        {
            if (State != TransactionState.Terminated)
            {
                OnRetransmissionLocked();
            }
        }

        DeliverPending();
    }

    /// <summary>A CANCEL matched this transaction (§9.2); only an INVITE still in Proceeding reacts.</summary>
    internal void OnCancel(SipRequest cancel)
    {
        lock (Gate)
        {
            if (State == TransactionState.Proceeding && Kind == TransactionKind.InviteServer && !_cancelled)
            {
                _cancelled = true;
                NotifyUser(nameof(ITransactionUser.OnCancel), user => user.OnCancel(this, cancel));
            }
        }

        DeliverPending();
    }

    private protected abstract void StartLocked();

    private protected abstract bool RespondLocked(SipResponse response);

    private protected abstract void OnRetransmissionLocked();

    /// <summary>Sends a response to <see cref="ResponseDestination"/>, remembering its To tag. Under the lock.</summary>
    private protected bool SendResponse(SipResponse response)
    {
        if (response.To?.Tag is { } tag)
        {
            _responseToTag = tag;
        }

        return Send(response, ResponseDestination);
    }

    /// <summary>
    /// Sends a final response as <paramref name="wire"/>, its serialised form, remembering its To tag. Under the lock.
    /// </summary>
    private protected bool SendSerializedResponse(SipResponse response, byte[] wire)
    {
        if (response.To?.Tag is { } tag)
        {
            _responseToTag = tag;
        }

        return SendSerialized(wire, response.StatusCode, ResponseDestination);
    }

    /// <summary>Sends a response again, for a retransmitted request or Timer G. Under the lock.</summary>
    private protected void ResendResponse(SipResponse response)
    {
        Context.Counters.ResponseRetransmitted();
        Send(response, ResponseDestination);
    }
}
