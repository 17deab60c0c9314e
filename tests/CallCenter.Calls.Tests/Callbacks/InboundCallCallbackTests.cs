using CallCenter.Calls.Callbacks;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Tests.Calls;
using CallCenter.Calls.Trunks;
using CallCenter.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Calls.Tests.Callbacks;

/// <summary>
/// An inbound call's side of callbacks (InboundCall.Callback.cs), with the real router: the callback-offer flow's
/// callback node books one that takes the waiting call's place, and a flow can find and cancel the caller's pending
/// callbacks.
/// </summary>
public sealed class InboundCallCallbackTests : IDisposable
{
    private const string OfferFlow = """
        flow: callback-offer
        start: book
        nodes:
          book:
            type: callback
            number: "09171234567"
            next: thanks
            refused: sorry
          thanks:
            type: hangup
            prompts: [callback/booked]
          sorry:
            type: hangup
            prompts: [all-agents-busy]
        """;

    private const string PendingFlow = """
        flow: main
        start: check
        nodes:
          check:
            type: branch
            rules:
              - if: { callback-pending: true }
                goto: cancel
            else: none
          cancel:
            type: cancel-callback
            next: cancelled
          cancelled:
            type: hangup
            prompts: [callback/cancelled]
          none:
            type: hangup
            prompts: [goodbye]
        """;

    /// <summary>A caller who chose Malay, with a ticket and a subject, waiting for billing.</summary>
    private const string MalayFlow = """
        flow: main
        start: malay
        nodes:
          malay:
            type: set
            values: { language: ms, ticket: T-77, subject: "Billing enquiry" }
            next: queue
          queue:
            type: queue
            skills: [billing]
        """;

    /// <summary>An English-default offer that plays, then books the caller's keyed number.</summary>
    private const string SpokenOfferFlow = """
        flow: callback-offer
        start: offer
        nodes:
          offer:
            type: play
            prompts: [callback/offer]
            interruptible: false
            next: book
          book:
            type: callback
            number: "09171234567"
            next: thanks
            refused: thanks
          thanks:
            type: hangup
            prompts: [callback/booked]
        """;

    /// <summary>After hours: nobody waits in line, so the callback node names the queue it books in (or not).</summary>
    private const string AfterHoursFlow = """
        flow: main
        start: book
        nodes:
          book:
            type: callback
            queue: QUEUE
            next: thanks
            refused: sorry
          thanks:
            type: hangup
            prompts: [callback/booked]
          sorry:
            type: hangup
            prompts: [all-agents-busy]
        """;

    private readonly CallTestbed _bed = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-call-callbacks").FullName;
    private readonly CallbackStore _store;
    private readonly CallbackDesk _desk;
    private readonly CallbackScheduler _scheduler;

    public InboundCallCallbackTests()
    {
        _store = new CallbackStore(CallCenterDatabase.Open(new StoreOptions { Path = Path.Combine(_folder, "callcenter.db") }));
        var trunk = new PrefixingTrunk();
        var services = new CallbackServices(
            _bed.Routing.Router, new FakeAgentPhones(), trunk, new FakeLegMediaFactory(), _bed.Time, new CallbackOptions(), NullLogger.Instance, Actor.SerialExecutor.InlineDispatch);
        _scheduler = new CallbackScheduler(_store, services);
        _desk = new CallbackDesk(_store, _scheduler, _bed.Routing.Router, trunk, _bed.Time, NullLogger.Instance) { Queues = _bed.Routing.Router.Queues };
    }

    [Fact]
    public void A_callback_booked_while_waiting_takes_the_calls_place_with_its_arrival_time()
    {
        _bed.Flows[InboundCall.CallbackOfferFlow] = TestFlows.Load(OfferFlow);
        var (call, media) = WaitingCall(useDesk: true);
        var queuedAt = _bed.Time.GetUtcNow();
        _bed.Time.Advance(TimeSpan.FromSeconds(30));

        media.Raise(new MediaEvent.Digit('1', "rfc4733"));

        Assert.Equal("en/callback/booked", media.LastPlayed);
        var booked = _store.Get(call.BookedCallbackId!.Value)!;
        Assert.Equal(("+639171234567", "default", queuedAt, "call-2"), (booked.Number, booked.Queue, booked.OriginalArrival, booked.CallId));
        // The call no longer waits; its callback does.
        var queue = _bed.Routing.QueueStatus("default");
        Assert.Equal((0, 1), (queue.Waiting, queue.CallbacksPending));

        // The goodbye ends the call; the callback stays in line in the call's place.
        media.FinishPlayback();
        Assert.Equal(CallState.Ended, call.State);
        queue = _bed.Routing.QueueStatus("default");
        Assert.Equal((0, 1), (queue.Waiting, queue.CallbacksPending));
    }

    [Fact]
    public void The_callback_offer_carries_on_in_the_callers_language_with_the_flows_variables()
    {
        _bed.Languages.Add("ms");
        _bed.Flows[InboundCall.CallbackOfferFlow] = TestFlows.Load(SpokenOfferFlow);
        _bed.Connected();
        var call = _bed.Offered(MalayFlow, new FakeCaller(callId: "call-2"));
        call.UseCallbackDesk(_desk);
        call.OnAck(null);
        var media = _bed.Media.Created.Last(m => m.LegId.EndsWith("/caller", StringComparison.Ordinal));
        Assert.Equal(CallState.WaitingInQueue, call.State);

        media.Raise(new MediaEvent.Digit('1', "rfc4733"));

        Assert.Equal("ms/callback/offer", media.LastPlayed);
        Assert.Equal(
            ("ms", "T-77", "Billing enquiry", "0917", "100"),
            (call.FlowVariables["language"], call.FlowVariables["ticket"], call.FlowVariables["subject"], call.FlowVariables["caller"], call.FlowVariables["dialled"]));

        media.FinishPlayback();

        Assert.Equal("ms/callback/booked", media.LastPlayed);
        Assert.Equal("T-77", _store.Get(call.BookedCallbackId!.Value)!.TicketId);
    }

    [Fact]
    public void The_queue_figures_count_a_callback_timed_for_later_as_pending()
    {
        _bed.Routing.Router.CallbackBacklog = _scheduler;
        _bed.Flows[InboundCall.CallbackOfferFlow] = TestFlows.Load(OfferFlow);
        var (call, media) = WaitingCall(useDesk: true);
        media.Raise(new MediaEvent.Digit('1', "rfc4733"));
        long id = call.BookedCallbackId!.Value;
        Assert.Equal(1, _bed.Routing.QueueStatus("default").CallbacksPending);

        Assert.Equal(CallbackChange.Done, _desk.Reschedule(id, _bed.Time.GetUtcNow().AddHours(1)));

        // Routing no longer holds it, but the centre still owes it.
        Assert.Null(_scheduler.Progress(id)!.Phase);
        Assert.Equal(1, _bed.Routing.QueueStatus("default").CallbacksPending);
        _desk.Cancel(id, "test");
        Assert.Equal(0, _bed.Routing.QueueStatus("default").CallbacksPending);
    }

    [Fact]
    public void A_caller_who_is_not_waiting_is_booked_in_the_queue_the_node_names_from_now()
    {
        var now = _bed.Time.GetUtcNow();
        var call = _bed.Offered(AfterHoursFlow.Replace("QUEUE", "default", StringComparison.Ordinal));
        call.UseCallbackDesk(_desk);

        call.OnAck(null);

        Assert.Equal("en/callback/booked", _bed.CallerMedia.LastPlayed);
        var booked = _store.Get(call.BookedCallbackId!.Value)!;
        Assert.Equal(("+63917", "default", now, CallCenter.Config.QueueConfig.DefaultPriority), (booked.Number, booked.Queue, booked.OriginalArrival, booked.Priority));
        Assert.Equal(1, _bed.Routing.QueueStatus("default").CallbacksPending);
    }

    [Fact]
    public void A_queue_the_centre_lacks_is_refused()
    {
        var call = _bed.Offered(AfterHoursFlow.Replace("QUEUE", "nights", StringComparison.Ordinal));
        call.UseCallbackDesk(_desk);

        call.OnAck(null);

        Assert.Equal("en/all-agents-busy", _bed.CallerMedia.LastPlayed);
        Assert.Null(call.BookedCallbackId);
        Assert.Empty(_store.ListPending());
    }

    [Fact]
    public void A_caller_who_is_not_waiting_is_refused_when_the_node_names_no_queue()
    {
        var call = _bed.Offered(AfterHoursFlow.Replace("    queue: QUEUE\n", string.Empty, StringComparison.Ordinal));
        call.UseCallbackDesk(_desk);

        call.OnAck(null);

        Assert.Equal("en/all-agents-busy", _bed.CallerMedia.LastPlayed);
        Assert.Empty(_store.ListPending());
    }

    [Fact]
    public void Without_callbacks_configured_the_callback_node_is_refused_and_the_call_keeps_its_place()
    {
        _bed.Flows[InboundCall.CallbackOfferFlow] = TestFlows.Load(OfferFlow);
        var (call, media) = WaitingCall(useDesk: false);

        media.Raise(new MediaEvent.Digit('1', "rfc4733"));

        Assert.Equal("en/all-agents-busy", media.LastPlayed);
        Assert.Null(call.BookedCallbackId);
        Assert.Empty(_store.ListPending());
        Assert.Equal(0, _bed.Routing.QueueStatus("default").CallbacksPending);
    }

    [Fact]
    public void A_caller_with_a_pending_callback_is_found_by_caller_id_and_can_cancel_it()
    {
        var now = _bed.Time.GetUtcNow();
        long id = _store.Create(new NewCallback(now, "default", 5, "+63917", null, null, "earlier-call", now, now)).Id;

        var call = _bed.Offered(PendingFlow);
        call.UseCallbackDesk(_desk);
        call.OnAck(null);

        Assert.Equal("en/callback/cancelled", _bed.CallerMedia.LastPlayed);
        Assert.Equal(CallbackStatus.Cancelled, _store.Get(id)!.Status);
        Assert.Equal("cancelled by the caller on a new call", _store.Get(id)!.ClosedReason);
    }

    [Fact]
    public void A_caller_without_a_pending_callback_goes_on()
    {
        var call = _bed.Offered(PendingFlow);
        call.UseCallbackDesk(_desk);
        call.OnAck(null);

        Assert.Equal("en/goodbye", _bed.CallerMedia.LastPlayed);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Agent 1001 is busy with a first call; a second call (caller 0917) presses 1 and waits in line.</summary>
    private (InboundCall Call, FakeMedia Media) WaitingCall(bool useDesk)
    {
        _bed.Connected();
        var waiting = _bed.Offered(caller: new FakeCaller(callId: "call-2"));
        if (useDesk)
        {
            waiting.UseCallbackDesk(_desk);
        }

        waiting.OnAck(null);
        var media = _bed.Media.Created.Last(m => m.LegId.EndsWith("/caller", StringComparison.Ordinal));
        media.Raise(new MediaEvent.Digit('1', "rfc4733"));
        Assert.Equal(CallState.WaitingInQueue, waiting.State);
        return (waiting, media);
    }

    /// <summary>A trunk for which any number starting with 0 is national: 0917 is +63917.</summary>
    private sealed class PrefixingTrunk : ITrunkDialer
    {
        public bool TryNormalize(string number, out string e164, out string error)
        {
            bool valid = number.Length >= 4 && number[0] == '0' && number.All(char.IsAsciiDigit);
            (e164, error) = valid ? ("+63" + number[1..], string.Empty) : (string.Empty, "not a valid phone number");
            return valid;
        }

        public IAgentLeg Dial(string e164, string offerSdp, Action<AgentLegEvent> onEvent) => throw new InvalidOperationException("no call is placed in these tests");
    }
}
