using CallCenter.Ivr.Runtime;

namespace CallCenter.Ivr.Tests.Runtime;

public class CollectNodeTests
{
    private static FlowHarness Collect(
        int maxDigits = 6,
        int minDigits = 1,
        char? terminator = '#',
        string? pattern = null,
        int retries = 1) =>
        new FlowHarness(new TestFlow("main")
            .Collect("account", "account", next: "done", fallback: "fallback", maxDigits: maxDigits, minDigits: minDigits,
                terminator: terminator, firstDigitSeconds: 8, interDigitSeconds: 4, pattern: pattern, retries: retries)
            .Hangup("done", "thanks")
            .Hangup("fallback", "goodbye")
            .Build()).Started();

    [Fact]
    public void Keys_then_the_terminator_give_the_digits_without_it()
    {
        var h = Collect();
        h.FinishPrompt();

        h.Press("10#");

        Assert.Equal("done", h.Run.NodeId);
        Assert.Equal("10", h.Run.Variables["account"]);
        Assert.Equal("10", h.StepsOf(FlowStepKind.DigitsCollected).Single().Detail);
    }

    [Fact]
    public void Reaching_max_digits_ends_input_without_a_terminator()
    {
        var h = Collect(maxDigits: 4);
        h.FinishPrompt();

        h.Press("1234");

        Assert.Equal("done", h.Run.NodeId);
        Assert.Equal("1234", h.Run.Variables["account"]);
    }

    [Fact]
    public void Fewer_than_min_digits_is_invalid_and_asks_again()
    {
        var h = Collect(minDigits: 4);
        h.FinishPrompt();

        h.Press("12#");

        Assert.Equal("account", h.Run.NodeId);
        Assert.Equal(["en/invalid-choice"], h.Host.LastPlay.Keys);
        Assert.Equal("12", h.StepsOf(FlowStepKind.Invalid).Single().Detail);
        Assert.False(h.Run.Variables.ContainsKey("account"));
        h.FinishPrompt();
        Assert.Equal(["en/enter-digits"], h.Host.LastPlay.Keys);
    }

    [Fact]
    public void Digits_not_matching_the_pattern_are_invalid()
    {
        var h = Collect(pattern: "9[0-9]{3}");
        h.FinishPrompt();

        h.Press("1234#");

        Assert.Equal("account", h.Run.NodeId);
        Assert.Equal(["en/invalid-choice"], h.Host.LastPlay.Keys);
        h.FinishPrompt();
        h.FinishPrompt();
        h.Press("9234#");
        Assert.Equal("done", h.Run.NodeId);
        Assert.Equal("9234", h.Run.Variables["account"]);
    }

    [Fact]
    public void No_key_within_the_first_digit_timeout_is_no_input()
    {
        var h = Collect();
        h.FinishPrompt();
        Assert.Equal([TimeSpan.FromSeconds(8)], h.Host.Timers);

        h.Advance(7.9);
        Assert.Equal("account", h.Run.NodeId);
        Assert.Single(h.Host.Plays);
        h.Advance(0.1);

        Assert.Equal(["en/no-input"], h.Host.LastPlay.Keys);
    }

    [Fact]
    public void The_inter_digit_timeout_after_a_key_ends_input()
    {
        var h = Collect();
        h.FinishPrompt();

        h.Press("42");
        Assert.Equal(TimeSpan.FromSeconds(4), h.Host.Timers[^1]);
        h.Advance(3.9);
        Assert.Equal("account", h.Run.NodeId);
        h.Advance(0.1);

        Assert.Equal("done", h.Run.NodeId);
        Assert.Equal("42", h.Run.Variables["account"]);
    }

    [Fact]
    public void Each_key_restarts_the_inter_digit_timeout()
    {
        var h = Collect();
        h.FinishPrompt();

        h.Press("1");
        h.Advance(3);
        h.Press("2");
        h.Advance(3);
        Assert.Equal("account", h.Run.NodeId);
        h.Advance(1);

        Assert.Equal("12", h.Run.Variables["account"]);
    }

    [Fact]
    public void A_key_during_the_prompt_stops_it_and_is_the_first_digit()
    {
        var h = Collect();

        h.Press("7");
        Assert.Equal(1, h.Host.Stops);
        h.Press("8#");

        Assert.Equal("78", h.Run.Variables["account"]);
    }

    [Fact]
    public void Without_a_terminator_the_hash_key_is_a_digit()
    {
        var h = Collect(maxDigits: 3, terminator: null);
        h.FinishPrompt();

        h.Press("1#2");

        Assert.Equal("1#2", h.Run.Variables["account"]);
    }

    [Fact]
    public void The_terminator_alone_is_too_short()
    {
        var h = Collect();
        h.FinishPrompt();

        h.Press("#");

        Assert.Equal("account", h.Run.NodeId);
        Assert.Equal(["en/invalid-choice"], h.Host.LastPlay.Keys);
    }

    [Fact]
    public void After_the_last_retry_invalid_input_goes_to_the_fallback()
    {
        var h = Collect(minDigits: 3, retries: 1);
        h.FinishPrompt();
        h.Press("1#");      // failure 1
        h.FinishPrompt();
        h.FinishPrompt();

        h.Press("2#");      // failure 2: retries used up

        Assert.Equal("fallback", h.Run.NodeId);
        Assert.False(h.Run.Variables.ContainsKey("account"));
    }

    [Fact]
    public void A_key_during_the_invalid_prompt_starts_the_new_attempt()
    {
        var h = Collect(minDigits: 2);
        h.FinishPrompt();
        h.Press("1#");

        h.Press("55#");

        Assert.Equal("done", h.Run.NodeId);
        Assert.Equal("55", h.Run.Variables["account"]);
    }

    [Fact]
    public void No_input_after_the_last_retry_goes_to_the_fallback()
    {
        var h = Collect(retries: 0);
        h.FinishPrompt();

        h.Advance(8);

        Assert.Equal("fallback", h.Run.NodeId);
    }
}
