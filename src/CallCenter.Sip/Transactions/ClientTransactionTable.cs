using System.Collections.Concurrent;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>The live client transactions, keyed by branch and method for §17.1.3 response matching.</summary>
internal sealed class ClientTransactionTable(SipTransactionCounters counters)
{
    private readonly ConcurrentDictionary<ClientTransactionKey, ClientTransaction> _byKey = new();

    /// <summary>Live client transactions.</summary>
    public int Count => _byKey.Count;

    /// <summary>Live transactions still waiting for a final response (Calling, Trying, Proceeding).</summary>
    public int CountAwaitingFinal() =>
        _byKey.Values.Count(static t => t.State is TransactionState.Calling or TransactionState.Trying or TransactionState.Proceeding);

    /// <summary>Adds a transaction; false when one with the same branch and method is live.</summary>
    public bool TryAdd(ClientTransaction transaction)
    {
        if (!_byKey.TryAdd(KeyOf(transaction), transaction))
        {
            return false;
        }

        counters.TransactionAdded(transaction.Kind);
        return true;
    }

    /// <summary>
    /// §17.1.3: a response matches the client transaction whose branch equals the response's top Via branch and
    /// whose method equals the CSeq method (so a CANCEL's 200 does not match the INVITE with the same branch).
    /// </summary>
    public ClientTransaction? Match(SipResponse response) =>
        response.TopVia?.Branch is { } branch && response.CSeq is { } cseq
            ? Find(branch, cseq.Method)
            : null;

    /// <summary>The live transaction with this branch and method, or null.</summary>
    public ClientTransaction? Find(string branch, string method) =>
        _byKey.GetValueOrDefault(new ClientTransactionKey(branch, method));

    /// <summary>Removes a terminated transaction (only if it is the one stored under its key).</summary>
    public bool Remove(ClientTransaction transaction)
    {
        if (!_byKey.TryRemove(new KeyValuePair<ClientTransactionKey, ClientTransaction>(KeyOf(transaction), transaction)))
        {
            return false;
        }

        counters.TransactionRemoved(transaction.Kind);
        return true;
    }

    private static ClientTransactionKey KeyOf(ClientTransaction transaction) => new(transaction.Branch, transaction.Request.Method);
}
