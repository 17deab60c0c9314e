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

    private readonly CallTestbed _bed = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-call-callbacks").FullName;
    private readonly CallbackStore _store;
    private readonly CallbackDesk _desk;

    public InboundCallCallbackTests()
    {
        _store = new CallbackStore(CallCenterDatabase.Open(new StoreOptions { Path = Path.Combine(_folder, "callcenter.db") }));
        var trunk = new PrefixingTrunk();
        var services = new CallbackServices(
            _bed.Routing.Router, new FakeAgentPhones(), trunk, new FakeLegMediaFactory(), _bed.Time, new CallbackOptions(), NullLogger.Instance, Actor.SerialExecutor.InlineDispatch);
        _desk = new CallbackDesk(_store, new CallbackScheduler(_store, services), _bed.Routing.Router, trunk, _bed.Time, NullLogger.Instance);
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
        long id = _store.Create(new NewCallback(now, "default", 5, "+63917", null, null, "earlier-call", now)).Id;

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
