namespace CallCenter.Routing.Tests.Simulation;

internal sealed partial class CallCenterSimulation
{
    private void Arrive(int index)
    {
        string id = "caller" + index.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        string queueId = QueueMix[_random.Next(QueueMix.Length)];
        var queue = SimulationSetup.Queues.First(q => q.Id == queueId);
        int priority = queue.Priority + (_random.Next(20) == 0 ? 3 : 0);
        var contact = new WaitingContact(id, queue.Id, priority, _now);
        var caller = new Caller(contact);
        _callers[id] = caller;
        Apply(e => e.Enqueue(contact, _now));

        var state = Engine.GetContact(id);
        if (state?.State == ContactState.Waiting)
        {
            var estimate = Engine.GetWaitEstimate(id)!.Value.EstimatedWait;
            caller.Estimate = estimate;
            Figures.EstimatesUnknown += estimate is null ? 1 : 0;
        }
        else
        {
            caller.EstimateSettled = true;
        }

        At(Exponential(200), () => GiveUp(caller));
    }

    private void GiveUp(Caller caller)
    {
        var state = Engine.GetContact(caller.Contact.Id);
        if (caller.Transferred || state is null || state.Contact.Kind != ContactKind.Call || state.State == ContactState.Connected)
        {
            return;
        }

        Apply(e => e.CallerAbandoned(caller.Contact.Id, _now));
        Figures.Abandoned++;
    }

    private void Handle(RoutingDecision decision)
    {
        switch (decision)
        {
            case Offer offer:
                OnOffer(offer);
                break;
            case OfferWithdrawn withdrawn:
                _offerTokens.Remove(withdrawn.ContactId);
                Figures.RingTimeouts += withdrawn.Reason == WithdrawReason.RingTimeout ? 1 : 0;
                break;
            case AgentPaused paused:
                Figures.MissedCallPauses++;
                At(60, () => Apply(e => e.Resume(paused.AgentId, _now)));
                break;
            case ContactExpanded:
                Figures.Expansions++;
                break;
            case ContactOverflowed:
                Figures.Overflowed++;
                break;
            case ContactLeft left when left.Action == FallbackAction.Callback:
                Figures.CallbacksRequested++;
                ScheduleCallback(left.Contact);
                break;
        }
    }

    /// <summary>The callback re-enters routing later, as a callback with the caller's original arrival time.</summary>
    private void ScheduleCallback(WaitingContact original)
    {
        var callback = original with { Id = "cb-" + original.Id, Kind = ContactKind.Callback };
        At(_random.Next(30, 120), () =>
        {
            _callers[callback.Id] = new Caller(callback) { EstimateSettled = true };
            Apply(e => e.Enqueue(callback, _now));
        });
    }

    private void OnOffer(Offer offer)
    {
        var caller = _callers[offer.Contact.Id];
        Assert.Equal(caller.Contact.ArrivedAt, offer.Contact.ArrivedAt);
        if (!caller.EstimateSettled)
        {
            caller.EstimateSettled = true;
            if (caller.Estimate is { } estimate)
            {
                Figures.EstimateErrors.Add((offer.At - caller.Contact.ArrivedAt - estimate).TotalSeconds);
            }
        }

        long token = ++_token;
        _offerTokens[offer.Contact.Id] = token;
        string contactId = offer.Contact.Id, agentId = offer.AgentId;
        int roll = _random.Next(100);
        if (roll < 4)
        {
            return; // lets it ring out: the engine's ring timeout handles it
        }

        bool decline = roll < 6;
        At(decline ? _random.Next(1, 4) : 1 + (_random.NextDouble() * 5), () =>
        {
            if (!_offerTokens.TryGetValue(contactId, out long current) || current != token)
            {
                return;
            }

            _offerTokens.Remove(contactId);
            if (decline)
            {
                Assert.True(Apply(e => e.Rejected(contactId, agentId, _now)).Applied);
                Figures.Rejections++;
            }
            else
            {
                Assert.True(Apply(e => e.Answered(contactId, agentId, _now)).Applied);
                OnAnswered(_callers[contactId]);
            }
        });
    }

    private void OnAnswered(Caller caller)
    {
        Figures.Served++;
        Figures.CallbacksServed += caller.Contact.Kind == ContactKind.Callback ? 1 : 0;
        Figures.Waits.Add((_now - Engine.GetContact(caller.Contact.Id)!.Contact.ArrivedAt).TotalSeconds);
        bool transfer = !caller.Transferred && _random.Next(100) < 3;
        At(20 + Exponential(130), () =>
        {
            if (transfer)
            {
                caller.Transferred = true;
                caller.Contact = caller.Contact with { QueueId = "tech", ArrivedAt = _now, Requirements = null };
                Figures.Transfers++;
                Assert.True(Apply(e => e.Transfer(caller.Contact.Id, "tech", null, _now)).Applied);
            }
            else
            {
                Assert.True(Apply(e => e.CallEnded(caller.Contact.Id, _now)).Applied);
            }
        });
    }

    private sealed class Caller(WaitingContact contact)
    {
        public WaitingContact Contact { get; set; } = contact;

        public TimeSpan? Estimate { get; set; }

        /// <summary>True once the estimate was compared (or there was nothing to compare).</summary>
        public bool EstimateSettled { get; set; }

        public bool Transferred { get; set; }
    }
}
