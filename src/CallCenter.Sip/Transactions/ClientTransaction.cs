using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// A client transaction (RFC 3261 §17.1): sends a request to one destination, retransmits it on unreliable
/// transports, and passes responses to the user. Created by <see cref="SipTransactionLayer.SendRequest"/>.
/// </summary>
public abstract class ClientTransaction : SipTransaction
{
    private protected ClientTransaction(
        TransactionContext context, TransactionKind kind, SipRequest request, SipRemote destination, TransactionState initialState)
        : base(context, kind, request, request.TopVia?.Branch ?? string.Empty, initialState, userVisible: true)
    {
        Destination = destination;
    }

    /// <summary>Where the request (and, for INVITE, the ACK of a non-2xx) is sent.</summary>
    public SipRemote Destination { get; }

    /// <summary>Sends the request and arms the timers of the initial state.</summary>
    internal void Start()
    {
        lock (Gate)
        {
            StartLocked();
        }

        DeliverPending();
    }

    /// <summary>A response matched this transaction (§17.1.3).</summary>
    internal void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (State != TransactionState.Terminated)
            {
                OnResponseLocked(response);
            }
        }

        DeliverPending();
    }

    private protected abstract void StartLocked();

    private protected abstract void OnResponseLocked(SipResponse response);

    private protected void PassToUser(SipResponse response) =>
        NotifyUser(nameof(ITransactionUser.OnResponse), user => user.OnResponse(this, response));

    private protected void RetransmitRequest()
    {
        Context.Counters.RequestRetransmitted();
        Send(Request, Destination);
    }
}
