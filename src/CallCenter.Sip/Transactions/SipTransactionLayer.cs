using CallCenter.Sip.Message;
using Microsoft.Extensions.Logging;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// The transaction layer (RFC 3261 §17, RFC 6026): matches inbound messages to transactions, creates server
/// transactions for new requests, answers CANCEL (§9.2) and merged requests (§8.2.2.2) itself, creates client
/// transactions for requests the user sends, and hands everything else to the <see cref="ITransactionUser"/>.
/// Thread-safe: inbound messages may arrive on any number of threads.
/// </summary>
public sealed partial class SipTransactionLayer
{
    private readonly TransactionContext _context;
    private readonly ServerTransactionTable _servers;
    private readonly ClientTransactionTable _clients;
    private StopRequest? _stop;

    /// <summary>Builds a layer; <paramref name="options"/> are validated and copied.</summary>
    public SipTransactionLayer(ISipMessageSender sender, ITransactionUser user, TimeProvider timeProvider, SipTimerOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        var timers = options.Snapshot();
        Counters = new SipTransactionCounters();
        _servers = new ServerTransactionTable(Counters, timeProvider, timers.TimerJ(reliable: false), OnCompletedTransactionsEnded);
        _clients = new ClientTransactionTable(Counters);
        _context = new TransactionContext(sender, user, timeProvider, timers, logger, Counters, OnTransactionTerminated, _servers.HandOver);
    }

    /// <summary>Live gauges and counters, for metrics.</summary>
    public SipTransactionCounters Counters { get; }

    /// <summary>Live server transactions.</summary>
    public int ServerTransactionCount => _servers.Count;

    /// <summary>Live client transactions.</summary>
    public int ClientTransactionCount => _clients.Count;

    /// <summary>True once <see cref="StopAcceptingAsync(TimeSpan, CancellationToken)"/> has been called.</summary>
    public bool IsStopping => Volatile.Read(ref _stop) is not null;

    /// <summary>
    /// Sends <paramref name="request"/> in a new client transaction (§17.1) to <paramref name="destination"/>. The
    /// request is sent as it is: the caller has put a top Via with a fresh <see cref="BranchId.New"/> branch, and
    /// the other §8.1.1 headers, on it. <paramref name="userState"/> is set before the first send, since user calls
    /// (even a transport error) may come before this method returns. Sending a CANCEL also starts the §9.1 wait
    /// on the INVITE client transaction it cancels.
    /// </summary>
    /// <exception cref="ArgumentException">ACK (never a client transaction), no top Via with a magic-cookie branch, or a CSeq that does not match the method.</exception>
    /// <exception cref="InvalidOperationException">A client transaction with the same branch and method is live.</exception>
    public ClientTransaction SendRequest(SipRequest request, SipRemote destination, object? userState = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckSendable(request);
        ClientTransaction transaction = request.Method == SipMethods.Invite
            ? new InviteClientTransaction(_context, request, destination)
            : new NonInviteClientTransaction(_context, request, destination);
        transaction.UserState = userState;
        if (!_clients.TryAdd(transaction))
        {
            throw new InvalidOperationException(
                $"A {request.Method} client transaction with branch {transaction.Branch} is already live; every request needs a new branch.");
        }

        transaction.Start();
        if (request.Method == SipMethods.Cancel && _clients.Find(transaction.Branch, SipMethods.Invite) is InviteClientTransaction invite)
        {
            invite.OnCancelSent();
        }

        return transaction;
    }

    /// <summary>
    /// A validated response from the transport (§18.1.2). It goes to the client transaction it matches (§17.1.3) or,
    /// when none matches, to the user as a stray response (e.g. a 2xx retransmission after the INVITE client
    /// transaction has ended).
    /// </summary>
    public void OnResponse(SipResponse response, SipRemote source)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (_clients.Match(response) is { } transaction)
        {
            transaction.OnResponse(response);
            return;
        }

        Counters.StrayResponse();
        TransactionLog.StrayResponse(_context.Logger, response.StatusCode, source);
        CallUser(nameof(ITransactionUser.OnStrayResponse), user => user.OnStrayResponse(response, source));
    }

    /// <summary>The Retry-After of the 503 sent while stopping when none is given.</summary>
    public static readonly TimeSpan DefaultStopRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <see cref="StopAcceptingAsync(TimeSpan, CancellationToken)"/> with <see cref="DefaultStopRetryAfter"/>.
    /// </summary>
    public Task StopAcceptingAsync(CancellationToken cancellationToken = default) =>
        StopAcceptingAsync(DefaultStopRetryAfter, cancellationToken);

    /// <summary>
    /// Stops accepting new requests: from now on a request that matches no live transaction (other than an ACK, or
    /// a CANCEL) is answered 503 Service Unavailable with Retry-After, statelessly. Live transactions run to their
    /// end, and the user may still send requests (e.g. BYE). The task completes when no transaction is live.
    /// </summary>
    public Task StopAcceptingAsync(TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        var stop = Interlocked.CompareExchange(ref _stop, new StopRequest(retryAfter), null) ?? _stop!;
        TransactionLog.Stopping(_context.Logger, _servers.Count + _clients.Count);
        CheckDrained(stop);
        return stop.Drained.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Completes once every live transaction has its final response (sent or received): what a graceful
    /// shutdown waits for, after <see cref="StopAcceptingAsync(CancellationToken)"/>. Transactions that only
    /// absorb retransmissions (Completed, Confirmed, Accepted) do not hold it up. Polled on the layer's clock.
    /// </summary>
    public async Task WaitUntilSettledAsync(CancellationToken cancellationToken)
    {
        while (_servers.CountAwaitingFinal() + _clients.CountAwaitingFinal() > 0)
        {
            await Task.Delay(SettlePollInterval, _context.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static readonly TimeSpan SettlePollInterval = TimeSpan.FromMilliseconds(50);

    private static void CheckSendable(SipRequest request)
    {
        if (request.Method == SipMethods.Ack)
        {
            throw new ArgumentException(
                "ACK is not sent in a client transaction: the ACK for a 2xx is sent by the user through ISipMessageSender (§13.2.2.4), the ACK for a non-2xx by the INVITE client transaction (§17.1.1.3).",
                nameof(request));
        }

        if (request.TopVia is not { HasRfc3261Branch: true })
        {
            throw new ArgumentException("The request needs a top Via whose branch starts with z9hG4bK (§8.1.1.7); use BranchId.New().", nameof(request));
        }

        if (request.CSeq is not { } cseq || cseq.Method != request.Method)
        {
            throw new ArgumentException("The request needs a CSeq whose method is the request method (§8.1.1.5).", nameof(request));
        }
    }

    private void OnTransactionTerminated(SipTransaction transaction)
    {
        switch (transaction)
        {
            case ServerTransaction server:
                _servers.Remove(server);
                break;
            case ClientTransaction client:
                _clients.Remove(client);
                break;
        }

        if (Volatile.Read(ref _stop) is { } stop)
        {
            CheckDrained(stop);
        }
    }

    /// <summary>Completed entries left the server table (Timer J, or a transport error while re-sending).</summary>
    private void OnCompletedTransactionsEnded()
    {
        if (Volatile.Read(ref _stop) is { } stop)
        {
            CheckDrained(stop);
        }
    }

    private void CheckDrained(StopRequest stop)
    {
        if (_servers.Count + _clients.Count == 0 && stop.Drained.TrySetResult())
        {
            TransactionLog.Drained(_context.Logger);
        }
    }

    /// <summary>A user call not tied to a transaction, made on the caller's thread.</summary>
    private void CallUser(string name, Action<ITransactionUser> call)
    {
        try
        {
            call(_context.User);
        }
        catch (Exception exception)
        {
            TransactionLog.LayerCallbackFailed(_context.Logger, exception, name);
        }
    }

    private sealed class StopRequest(TimeSpan retryAfter)
    {
        public TimeSpan RetryAfter { get; } = retryAfter;

        public TaskCompletionSource Drained { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
