using CallCenter.Ivr.Runtime;

namespace CallCenter.Ivr.Tests.Runtime;

public class PlayNodeTests
{
    [Fact]
    public void Plays_its_prompts_then_goes_to_next_when_they_end()
    {
        var h = new FlowHarness(new TestFlow("main")
            .Play("welcome", next: "bye", interruptible: false, "welcome", "intro")
            .Hangup("bye", "goodbye")
            .Build()).Started();

        Assert.Equal(["en/welcome", "en/intro"], h.Host.LastPlay.Keys);
        Assert.False(h.Host.LastPlay.Interruptible);
        Assert.Equal("welcome", h.Run.NodeId);

        h.FinishPrompt();

        Assert.Equal("bye", h.Run.NodeId);
    }

    [Fact]
    public void A_key_during_a_prompt_that_cannot_be_interrupted_is_ignored()
    {
        var h = new FlowHarness(new TestFlow("main")
            .Play("welcome", next: "menu", interruptible: false, "welcome")
            .Menu("menu", fallback: "bye", keys: "1=bye")
            .Hangup("bye", "goodbye")
            .Build()).Started();

        h.Press("1");

        Assert.Equal("welcome", h.Run.NodeId);
        Assert.Equal(0, h.Host.Stops);
        Assert.Equal("1 (ignored)", h.StepsOf(FlowStepKind.Key).Single().Detail);
        h.FinishPrompt();
        Assert.Equal("menu", h.Run.NodeId);
        Assert.Equal(["en/menu"], h.Host.LastPlay.Keys);
    }

    [Fact]
    public void A_key_stops_an_interruptible_prompt_and_answers_the_next_menu()
    {
        var h = new FlowHarness(new TestFlow("main")
            .Play("welcome", next: "menu", interruptible: true, "welcome")
            .Menu("menu", fallback: "bye", keys: "2=chosen")
            .Hangup("chosen", "thanks")
            .Hangup("bye", "goodbye")
            .Build()).Started();

        h.Press("2");

        Assert.Equal(1, h.Host.Stops);
        Assert.Equal("chosen", h.Run.NodeId);
        Assert.DoesNotContain(h.Host.Plays, p => p.Keys.Contains("en/menu"));
    }

    [Fact]
    public void A_type_ahead_key_that_is_wrong_for_the_menu_gets_the_invalid_prompt()
    {
        var h = new FlowHarness(new TestFlow("main")
            .Play("welcome", next: "menu", interruptible: true, "welcome")
            .Menu("menu", fallback: "bye", keys: "2=bye")
            .Hangup("bye", "goodbye")
            .Build()).Started();

        h.Press("5");

        Assert.Equal("menu", h.Run.NodeId);
        Assert.Equal(["en/invalid-choice"], h.Host.LastPlay.Keys);
    }

    [Fact]
    public void A_type_ahead_key_starts_a_collect_node()
    {
        var h = new FlowHarness(new TestFlow("main")
            .Play("welcome", next: "account", interruptible: true, "welcome")
            .Collect("account", "account", next: "done", fallback: "done", maxDigits: 3)
            .Hangup("done", "goodbye")
            .Build()).Started();

        h.Press("123");

        Assert.Equal("done", h.Run.NodeId);
        Assert.Equal("123", h.Run.Variables["account"]);
    }

    [Fact]
    public void A_type_ahead_key_is_dropped_by_a_node_that_does_not_wait_for_keys()
    {
        var h = new FlowHarness(new TestFlow("main")
            .Play("welcome", next: "set", interruptible: true, "welcome")
            .Set("set", next: "menu", ("subject", "x"))
            .Menu("menu", fallback: "bye", keys: "1=bye")
            .Hangup("bye", "goodbye")
            .Build()).Started();

        h.Press("1");

        Assert.Equal("menu", h.Run.NodeId);
        Assert.Equal(["en/menu"], h.Host.LastPlay.Keys);
        Assert.Contains(h.StepsOf(FlowStepKind.Key), s => s.Detail == "1 (dropped)");
    }

    [Fact]
    public void A_play_without_prompts_goes_straight_on()
    {
        var h = new FlowHarness(new TestFlow("main")
            .Play("silence", next: "bye", interruptible: true)
            .Hangup("bye", "goodbye")
            .Build()).Started();

        Assert.Equal("bye", h.Run.NodeId);
        Assert.Equal(["en/goodbye"], h.Host.Plays.Single().Keys);
    }
}
