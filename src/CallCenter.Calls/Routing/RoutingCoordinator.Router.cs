using CallCenter.Routing;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Routing;

/// <summary>The contact owners' side (<see cref="IQueueRouter"/>): every event is posted to the router's executor.</summary>
public sealed partial class RoutingCoordinator
{
    /// <inheritdoc />
    public void Enqueue(WaitingContact contact, IRoutedContact owner) => _executor.Post(() =>
    {
        var now = Now;
        if (_tickets.ContainsKey(contact.Id))
        {
            _logger.LogWarning("Routing: contact {Contact} is already in routing; the new request is ignored", contact.Id);
            return;
        }

        var ticket = new ContactTicket(contact, owner, now);
        _tickets[contact.Id] = ticket;
        var result = _engine.Enqueue(contact, now);
        if (!result.Applied)
        {
            _tickets.Remove(contact.Id);
            _logger.LogWarning("Routing: contact {Contact} refused: {Error}; it leaves with a message", contact.Id, result.Error);
            owner.Left(FallbackAction.Message, LeaveReason.NobodyLoggedIn);
            Apply(result, "enqueue");
            return;
        }

        Tally(contact.QueueId).Offered++;
        bool callback = contact.Kind == ContactKind.Callback;
        Observe(o => o.Offered(contact.QueueId, callback));
        ticket.ToldWait = _engine.GetWaitEstimate(contact.Id)?.EstimatedWait;
        Apply(result, "enqueue " + contact.Id);
    });

    /// <inheritdoc />
    public void Answered(string contactId, string agentId) => _executor.Post(() =>
    {
        var now = Now;
        var result = _engine.Answered(contactId, agentId, now);
        if (result.Applied && _tickets.TryGetValue(contactId, out var ticket))
        {
            ticket.AnsweredAt = now;
            var wait = now - ticket.Contact.ArrivedAt;
            bool within = wait <= ThresholdOf(ticket.QueueId);
            var tally = Tally(ticket.QueueId);
            tally.Answered++;
            tally.TotalSpeedOfAnswer += wait;
            if (within)
            {
                tally.AnsweredWithinThreshold++;
            }

            Observe(o => o.Answered(ticket.QueueId, wait, within));
        }

        Apply(result, $"answer of {contactId} by {agentId}");
    });

    /// <inheritdoc />
    public void NoAnswer(string contactId, string agentId) => _executor.Post(() =>
    {
        var result = _engine.NoAnswer(contactId, agentId, Now);
        if (result.Applied)
        {
            CountRingNoAnswer(contactId, agentId);
        }

        Apply(result, $"no answer of {agentId} for {contactId}");
    });

    /// <inheritdoc />
    public void Rejected(string contactId, string agentId) => _executor.Post(() =>
        Apply(_engine.Rejected(contactId, agentId, Now), $"rejection by {agentId} of {contactId}"));

    /// <inheritdoc />
    public void Abandoned(string contactId) => _executor.Post(() => Remove(contactId, countAbandon: true));

    /// <inheritdoc />
    public void HandedOver(string contactId) => _executor.Post(() => Remove(contactId, countAbandon: false));

    /// <summary>The contact leaves routing; a caller who gave up while waiting counts as abandoned when <paramref name="countAbandon"/>.</summary>
    private void Remove(string contactId, bool countAbandon)
    {
        var now = Now;
        if (!_tickets.Remove(contactId, out var ticket))
        {
            return;
        }

        var result = _engine.CallerAbandoned(contactId, now);
        if (result.Applied && ticket.AnsweredAt is { } answeredAt)
        {
            // Connected: the caller hung up on the agent, which ends the conversation rather than abandoning it.
            Observe(o => o.Handled(ticket.QueueId, now - answeredAt));
        }
        else if (result.Applied && countAbandon)
        {
            var wait = now - ticket.Contact.ArrivedAt;
            bool after = wait > ThresholdOf(ticket.QueueId);
            var tally = Tally(ticket.QueueId);
            if (after)
            {
                tally.AbandonedAfterThreshold++;
            }
            else
            {
                tally.AbandonedBeforeThreshold++;
            }

            Observe(o => o.Abandoned(ticket.QueueId, wait, after));
        }

        Apply(result, (countAbandon ? "abandon of " : "hand-over of ") + contactId);
    }

    /// <inheritdoc />
    public void Ended(string contactId) => _executor.Post(() =>
    {
        var now = Now;
        var result = _engine.CallEnded(contactId, now);
        if (result.Applied && _tickets.Remove(contactId, out var ticket) && ticket.AnsweredAt is { } answeredAt)
        {
            Observe(o => o.Handled(ticket.QueueId, now - answeredAt));
        }

        Apply(result, "end of " + contactId);
    });

    /// <inheritdoc />
    public void Transfer(string contactId, string queueId, IReadOnlyList<SkillRequirement>? requirements) => _executor.Post(() =>
    {
        var now = Now;
        var result = _engine.Transfer(contactId, queueId, requirements, now);
        if (result.Applied && _tickets.TryGetValue(contactId, out var ticket))
        {
            if (ticket.AnsweredAt is { } answeredAt)
            {
                Observe(o => o.Handled(ticket.QueueId, now - answeredAt));
            }

            // Back through routing as a new arrival of the new queue; the owner hears so before any offer of the new wait.
            var contact = ticket.Contact with { QueueId = queueId, ArrivedAt = now, Kind = ContactKind.Call, Requirements = requirements };
            _tickets[contactId] = new ContactTicket(contact, ticket.Owner, now);
            Tally(queueId).Offered++;
            Observe(o => o.Offered(queueId, false));
            (ticket.Owner as IRequeuedContact)?.Requeued(contact);
        }

        Apply(result, "transfer of " + contactId);
    });

    /// <inheritdoc />
    public Task<WaitEstimate?> EstimateAsync(string contactId) => OnRouter(() => _engine.GetWaitEstimate(contactId));

    /// <inheritdoc />
    public void Estimate(string contactId, Action<WaitEstimate?> reply) => _executor.Post(() => reply(_engine.GetWaitEstimate(contactId)));

    /// <summary>Runs <paramref name="read"/> on the router's executor; its result completes the task off that executor.</summary>
    private Task<T> OnRouter<T>(Func<T> read)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _executor.Post(() =>
        {
            try
            {
                done.SetResult(read());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    private void CountRingNoAnswer(string contactId, string agentId)
    {
        if (_tickets.TryGetValue(contactId, out var ticket))
        {
            Tally(ticket.QueueId).RingNoAnswer++;
            Observe(o => o.RingNoAnswer(ticket.QueueId, agentId));
        }
    }

    private QueueTally Tally(string queueId) => _tallies.TryGetValue(queueId, out var tally) ? tally : _tallies[queueId] = new QueueTally();

    private TimeSpan ThresholdOf(string queueId) =>
        _queues.Definitions.FirstOrDefault(q => q.Id == queueId)?.ServiceLevel.Threshold ?? ServiceLevelTarget.Default.Threshold;
}
