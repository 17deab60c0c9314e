using CallCenter.Ivr.Runtime;
using static CallCenter.Ivr.Tests.Loading.FlowTestSupport;

namespace CallCenter.Ivr.Tests.Runtime;

/// <summary>The callback node, cancel-callback and the callback-pending condition at run time.</summary>
public class CallbackNodeTests
{
    private const string Caller = "+639171234567";

    // Offer: book the caller id; if refused, key in another number (re-asked until it is accepted), then goodbye.
    private const string OfferFlow = """
        flow: test
        start: book
        nodes:
          book:
            type: callback
            next: thanks
            refused: ask
          ask:
            type: collect
            prompts: [enter-number]
            variable: callback_number
            max-digits: 15
            next: book-keyed
            fallback: bye
          book-keyed:
            type: callback
            number: "${callback_number}"
            next: thanks
            refused: ask
          thanks:
            type: hangup
            prompts: [callback-booked]
          bye:
            type: hangup
        """;

    [Fact]
    public void A_booked_callback_goes_to_next()
    {
        var h = Harness(OfferFlow, Caller);
        h.Host.CallableNumbers.Add(Caller);

        h.Run.Start();

        Assert.Equal([Caller], h.Host.CallbackRequests);
        Assert.Equal("thanks", h.Run.NodeId);
        Assert.Equal(["en/callback-booked"], h.Host.LastPlay.Keys);
        Assert.Equal("booked " + Caller, h.StepsOf(FlowStepKind.Callback).Single().Detail);
    }

    [Fact]
    public void A_callback_node_naming_a_queue_asks_the_call_to_book_in_it()
    {
        var h = Harness("""
            flow: test
            start: book
            nodes:
              book:
                type: callback
                queue: general
                next: thanks
                refused: thanks
              thanks:
                type: hangup
            """, Caller);
        h.Host.CallableNumbers.Add(Caller);

        h.Run.Start();

        Assert.Contains("callback " + Caller + " in general", h.Host.Log);
        Assert.Equal("booked " + Caller + " (queue general)", h.StepsOf(FlowStepKind.Callback).Single().Detail);
    }

    [Fact]
    public void A_callback_node_without_a_queue_names_none_to_the_call()
    {
        var h = Harness(OfferFlow, Caller);
        h.Host.CallableNumbers.Add(Caller);

        h.Run.Start();

        Assert.Contains("callback " + Caller, h.Host.Log);
    }

    [Fact]
    public void A_refused_number_goes_to_refused_and_a_keyed_in_number_is_booked()
    {
        var h = Harness(OfferFlow, Caller);
        h.Host.CallableNumbers.Add("0281234567");

        h.Run.Start();
        Assert.Equal("ask", h.Run.NodeId);
        h.FinishPrompt();
        h.Press("0281234567#");

        Assert.Equal([Caller, "0281234567"], h.Host.CallbackRequests);
        Assert.Equal("thanks", h.Run.NodeId);
        Assert.Equal(["refused " + Caller, "booked 0281234567"], h.StepsOf(FlowStepKind.Callback).Select(s => s.Detail));
    }

    [Fact]
    public void An_invalid_keyed_in_number_is_asked_for_again()
    {
        var h = Harness(OfferFlow, Caller);

        h.Run.Start();
        h.FinishPrompt();
        h.Press("12#");

        Assert.Equal("ask", h.Run.NodeId);
        Assert.Equal(["en/enter-number"], h.Host.LastPlay.Keys);
        Assert.Equal([Caller, "12"], h.Host.CallbackRequests);
    }

    [Fact]
    public void An_anonymous_caller_is_refused_without_asking_the_call_and_must_key_a_number_in()
    {
        var h = Harness(OfferFlow, caller: "");

        h.Run.Start();

        Assert.Empty(h.Host.CallbackRequests);
        Assert.Equal("ask", h.Run.NodeId);
        Assert.Equal("refused (no number)", h.StepsOf(FlowStepKind.Callback).Single().Detail);
    }

    [Fact]
    public void Cancel_callback_withdraws_the_pending_callbacks_and_goes_on()
    {
        var h = Harness("""
            flow: test
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
                prompts: [callback-cancelled]
              none:
                type: hangup
            """, Caller);
        h.Host.PendingCallbacks = 2;

        h.Run.Start();

        Assert.Equal("cancelled", h.Run.NodeId);
        Assert.Equal(0, h.Host.PendingCallbacks);
        Assert.Equal("cancelled 2", h.StepsOf(FlowStepKind.Callback).Single().Detail);
        Assert.Equal("callback pending", h.StepsOf(FlowStepKind.BranchTaken).Single().Detail);
    }

    [Theory]
    [InlineData(0, "none")]
    [InlineData(1, "pending")]
    public void Callback_pending_false_holds_only_without_a_pending_callback(int pending, string expected)
    {
        var h = Harness("""
            flow: test
            start: check
            nodes:
              check:
                type: branch
                rules:
                  - if: { callback-pending: false }
                    goto: none
                else: pending
              none:
                type: hangup
              pending:
                type: hangup
            """, Caller);
        h.Host.PendingCallbacks = pending;

        h.Run.Start();

        Assert.Equal(expected, h.Run.NodeId);
    }

    private static FlowHarness Harness(string yaml, string caller) => new(LoadValid(yaml), caller: caller);
}
