using CallCenter.Calls.Sip;
using CallCenter.Routing;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Routing;

/// <summary>Carrying out the engine's decisions: each goes to the contact's owner, the observers or the log.</summary>
public sealed partial class RoutingCoordinator
{
    /// <summary>Carries out <paramref name="decision"/>; returns the result of a further engine call it needed, or null.</summary>
    private RoutingResult? CarryOut(RoutingDecision decision)
    {
        switch (decision)
        {
            case Offer offer:
                return CarryOutOffer(offer);
            case OfferWithdrawn withdrawn:
                if (withdrawn.Reason == WithdrawReason.RingTimeout)
                {
                    CountRingNoAnswer(withdrawn.ContactId, withdrawn.AgentId);
                }

                _logger.LogInformation("Routing: offer of {Contact} to agent {Agent} withdrawn ({Reason})", withdrawn.ContactId, withdrawn.AgentId, withdrawn.Reason);
                OwnerOf(withdrawn.ContactId)?.Withdraw(withdrawn.AgentId, withdrawn.Reason);
                return null;
            case ContactLeft left:
                _logger.LogInformation("Routing: contact {Contact} left queue {Queue}: {Action} ({Reason})", left.Contact.Id, left.Contact.QueueId, left.Action, left.Reason);
                if (_tickets.Remove(left.Contact.Id, out var gone))
                {
                    gone.Owner.Left(left.Action, left.Reason);
                }

                return null;
            case ContactOverflowed overflowed:
                _logger.LogInformation("Routing: contact {Contact} overflowed from {From} to {To}", overflowed.ContactId, overflowed.FromQueueId, overflowed.ToQueueId);
                if (_tickets.TryGetValue(overflowed.ContactId, out var moved))
                {
                    moved.QueueId = overflowed.ToQueueId;
                    Tally(overflowed.ToQueueId).Offered++;
                    Observe(o => o.Offered(overflowed.ToQueueId, moved.Contact.Kind == ContactKind.Callback));
                }

                return null;
            case AgentPaused paused:
                _logger.LogInformation("Routing: agent {Agent} paused: {Reason}", paused.AgentId, paused.Reason);
                return null;
            case ContactExpanded expanded:
                _logger.LogDebug("Routing: contact {Contact} now accepts agents of step {Step}", expanded.ContactId, expanded.Step);
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Rings the reserved agent at its registered Contact. An agent whose registration vanished since the engine last
    /// heard (expired between sweeps) is marked unregistered and the offer counts as not answered, so the contact goes
    /// on to the next agent.
    /// </summary>
    private RoutingResult? CarryOutOffer(Offer offer)
    {
        var contactId = offer.Contact.Id;
        if (!_tickets.TryGetValue(contactId, out var ticket))
        {
            _logger.LogWarning("Routing: offer of unknown contact {Contact}; treated as abandoned", contactId);
            return _engine.CallerAbandoned(contactId, Now);
        }

        var name = _config.TryGetAgent(offer.AgentId, out var agent) ? agent.Name : offer.AgentId;
        if (!RegisteredAgentTarget.TryResolve(_bindings, offer.AgentId, name, out var target))
        {
            _logger.LogInformation("Routing: agent {Agent} has no live registration; offer of {Contact} not made", offer.AgentId, contactId);
            Apply(_engine.SetRegistered(offer.AgentId, false, Now), "registration lapse of " + offer.AgentId);
            return _engine.NoAnswer(contactId, offer.AgentId, Now);
        }

        if (!ticket.Offered)
        {
            ticket.Offered = true;
            if (ticket.ToldWait is { } told)
            {
                var actual = offer.At - ticket.EnqueuedAt;
                Observe(o => o.EstimateChecked(ticket.QueueId, told, actual));
            }
        }

        _logger.LogInformation("Routing: offering {Contact} of queue {Queue} to agent {Agent}", contactId, ticket.QueueId, offer.AgentId);
        ticket.Owner.Offer(target, offer.RingDeadline);
        return null;
    }

    private IRoutedContact? OwnerOf(string contactId) => _tickets.TryGetValue(contactId, out var ticket) ? ticket.Owner : null;
}
