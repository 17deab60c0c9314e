namespace CallCenter.Sip.Transactions;

/// <summary>Retransmitted requests, including those answered from a completed entry (§17.2.2 Completed).</summary>
public sealed partial class SipTransactionLayer
{
    /// <summary>A request matched a live transaction, which reacts by its state, or a completed entry, which re-sends.</summary>
    private void Retransmitted(Admission admission)
    {
        if (admission.Completed is { } completed)
        {
            ResendCompleted(completed);
        }
        else
        {
            admission.Transaction!.OnRetransmission();
        }
    }

    /// <summary>
    /// §17.2.2 Completed: a retransmission of the request gets the final response again, the stored bytes unchanged.
    /// A transport error ends the entry (§17.2.4; figure 8: Completed → Terminated). It is counted and logged; the user
    /// is not told, as the layer no longer holds the transaction object it would be told about, and the user finished
    /// with that request when it sent the final response.
    /// </summary>
    private void ResendCompleted(CompletedServerTransaction completed)
    {
        if (completed.Wire is not { } wire)
        {
            // Timer J or a transport error ended it after the match: nothing left to answer with.
            Counters.RetransmissionAbsorbed();
            return;
        }

        Counters.ResponseRetransmitted();
        var destination = completed.Destination;
        ValueTask<bool> sending;
        try
        {
            sending = _context.Sender.SendSerializedResponseAsync(wire, completed.StatusCode, destination);
        }
        catch (Exception exception)
        {
            TransactionLog.SenderThrew(_context.Logger, exception, destination);
            sending = new ValueTask<bool>(false);
        }

        if (!sending.IsCompleted)
        {
            _ = ObserveResendAsync(sending, completed);
            return;
        }

        if (!ResultOf(sending, destination))
        {
            CompletedTransportFailed(completed);
        }
    }

    private async Task ObserveResendAsync(ValueTask<bool> sending, CompletedServerTransaction completed)
    {
        bool sent;
        try
        {
            sent = await sending.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            TransactionLog.SenderThrew(_context.Logger, exception, completed.Destination);
            sent = false;
        }

        if (!sent)
        {
            CompletedTransportFailed(completed);
        }
    }

    private bool ResultOf(ValueTask<bool> completedSend, SipRemote destination)
    {
        try
        {
            return completedSend.Result;
        }
        catch (Exception exception)
        {
            TransactionLog.SenderThrew(_context.Logger, exception, destination);
            return false;
        }
    }

    private void CompletedTransportFailed(CompletedServerTransaction completed)
    {
        if (!_servers.Remove(completed))
        {
            return;
        }

        Counters.TransportFailed();
        TransactionLog.CompletedTransportError(_context.Logger, completed.StatusCode, completed.Destination);
        OnCompletedTransactionsEnded();
    }
}
