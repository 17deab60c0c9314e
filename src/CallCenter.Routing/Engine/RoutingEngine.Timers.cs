namespace CallCenter.Routing;

public sealed partial class RoutingEngine
{
    private void RunDueTimers(DateTimeOffset now)
    {
        while (_timers.TryTakeDue(now, out var timer, out var due))
        {
            // Each timer acts at its own due time, so expansion and ring timeouts happen on time even when the
            // driver only calls in later.
            switch (timer.Kind)
            {
                case TimerKind.ExpansionStep:
                    Expand(timer.Contact!, timer.Version, due);
                    break;
                case TimerKind.MaxWait:
                    MaxWaitReached(timer.Contact!, due);
                    break;
                case TimerKind.RingTimeout:
                    RingTimedOut(timer.Contact!, timer.Version, due);
                    break;
                default:
                    AgentReady(timer.Agent!, timer.Version, due);
                    break;
            }
        }
    }

    private void ScheduleNextStep(ContactEntry contact)
    {
        var steps = contact.Queue.Steps;
        if (contact.Step < steps.Length)
        {
            _timers.Add(contact.Contact.ArrivedAt + steps[contact.Step].After, new RoutingTimer(TimerKind.ExpansionStep, contact, null, contact.Step));
        }
    }

    /// <summary>The pool widens; the contact keeps its key (priority, arrival, id), so its place among equals.</summary>
    private void Expand(ContactEntry contact, long fromStep, DateTimeOffset due)
    {
        if (!contact.Live || contact.Step != fromStep)
        {
            return;
        }

        bool waiting = contact.Status == ContactState.Waiting;
        if (waiting)
        {
            contact.CurrentPool.Contacts.Remove(contact);
        }

        contact.Step++;
        Emit(new ContactExpanded(due, contact.Contact.Id, contact.Step));
        ScheduleNextStep(contact);
        if (waiting)
        {
            PlaceContact(contact, due);
        }
    }

    private void MaxWaitReached(ContactEntry contact, DateTimeOffset due)
    {
        if (!contact.Live || contact.Status == ContactState.Connected)
        {
            return;
        }

        // A contact ringing an agent at its maximum wait is left to that offer; if it comes back unanswered, the
        // limit applies at the end of the ring timeout.
        if (contact.Status == ContactState.Ringing)
        {
            _timers.Add(due + contact.Queue.Definition.RingTimeout, new RoutingTimer(TimerKind.MaxWait, contact, null, 0));
            return;
        }

        var fallback = contact.Queue.Definition.WhenMaxWait;
        if (fallback.Action == FallbackAction.Wait)
        {
            return;
        }

        contact.CurrentPool.Contacts.Remove(contact);
        contact.Queue.LineOutcomes.Add(served: false);
        Forget(contact);
        if (fallback.Action == FallbackAction.Overflow)
        {
            var target = _queues[fallback.OverflowQueueId!];
            Emit(new ContactOverflowed(due, contact.Contact.Id, contact.Queue.Definition.Id, target.Definition.Id));
            Admit(contact.Contact with { QueueId = target.Definition.Id, Requirements = null }, target, due, _queues.Count);
        }
        else
        {
            Emit(new ContactLeft(due, contact.Contact, fallback.Action, LeaveReason.MaxWait));
        }
    }

    private void RingTimedOut(ContactEntry contact, long offerVersion, DateTimeOffset due)
    {
        if (!contact.Live || contact.Status != ContactState.Ringing || contact.OfferVersion != offerVersion)
        {
            return;
        }

        Emit(new OfferWithdrawn(due, contact.Contact.Id, contact.Agent!.Id, WithdrawReason.RingTimeout));
        Missed(contact, due);
    }

    private void AgentReady(AgentRecord agent, long version, DateTimeOffset due)
    {
        if (agent.TimerVersion == version && agent.State is AgentState.WrapUp or AgentState.Paused)
        {
            SetState(agent, AgentState.Available, null, due);
        }
    }
}
