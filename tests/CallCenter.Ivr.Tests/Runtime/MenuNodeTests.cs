using CallCenter.Ivr.Runtime;

namespace CallCenter.Ivr.Tests.Runtime;

public class MenuNodeTests
{
    private static FlowHarness Menu(int retries = 2) => new FlowHarness(new TestFlow("main")
        .Menu("menu", fallback: "fallback", keys: "1=english 2=filipino", retries: retries, timeoutSeconds: 5)
        .Hangup("english", "goodbye")
        .Hangup("filipino", "goodbye")
        .Hangup("fallback", "goodbye")
        .Build()).Started();

    [Fact]
    public void Plays_the_menu_prompt_interruptibly_on_entry()
    {
        var h = Menu();

        Assert.Equal(["en/menu"], h.Host.LastPlay.Keys);
        Assert.True(h.Host.LastPlay.Interruptible);
        Assert.Empty(h.Host.Timers);
    }

    [Fact]
    public void A_valid_key_goes_to_its_node_at_once()
    {
        var h = Menu();
        h.FinishPrompt();

        h.Press("2");

        Assert.Equal("filipino", h.Run.NodeId);
        Assert.Equal("en/goodbye", h.Host.LastPlay.Keys.Single());
        Assert.False(h.Host.TimerRunning);
    }

    [Fact]
    public void A_key_during_the_prompt_stops_it_and_is_taken()
    {
        var h = Menu();

        h.Press("1");

        Assert.Equal(1, h.Host.Stops);
        Assert.Equal("english", h.Run.NodeId);
    }

    [Fact]
    public void A_wrong_key_plays_the_invalid_prompt_then_the_menu_again()
    {
        var h = Menu();
        h.FinishPrompt();

        h.Press("7");

        Assert.Equal("menu", h.Run.NodeId);
        Assert.Equal(["en/invalid-choice"], h.Host.LastPlay.Keys);
        Assert.False(h.Host.TimerRunning);
        h.FinishPrompt();
        Assert.Equal(["en/menu"], h.Host.LastPlay.Keys);
        Assert.Equal("7", h.StepsOf(FlowStepKind.Invalid).Single().Detail);
    }

    [Fact]
    public void The_timeout_runs_from_the_end_of_the_prompt_and_plays_no_input_then_the_menu()
    {
        var h = Menu();
        h.Advance(60);
        Assert.Single(h.Host.Plays);

        h.FinishPrompt();
        Assert.Equal([TimeSpan.FromSeconds(5)], h.Host.Timers);
        h.Advance(4.9);
        Assert.Single(h.Host.Plays);
        h.Advance(0.1);

        Assert.Equal(["en/no-input"], h.Host.LastPlay.Keys);
        h.FinishPrompt();
        Assert.Equal(["en/menu"], h.Host.LastPlay.Keys);
        Assert.Single(h.StepsOf(FlowStepKind.Timeout));
    }

    [Fact]
    public void After_the_last_retry_the_next_failure_goes_to_the_fallback_without_another_prompt()
    {
        var h = Menu(retries: 2);
        h.FinishPrompt();

        h.Press("9");       // failure 1: invalid prompt, menu again
        h.FinishPrompt();
        h.FinishPrompt();
        h.Advance(5);       // failure 2: no-input prompt, menu again
        h.FinishPrompt();
        h.FinishPrompt();
        Assert.Equal("menu", h.Run.NodeId);
        int playsBefore = h.Host.Plays.Count;

        h.Press("8");       // failure 3: retries used up

        Assert.Equal("fallback", h.Run.NodeId);
        Assert.Equal(playsBefore + 1, h.Host.Plays.Count);
        Assert.Equal(["en/goodbye"], h.Host.LastPlay.Keys);
    }

    [Fact]
    public void With_no_retries_the_first_timeout_goes_to_the_fallback()
    {
        var h = Menu(retries: 0);
        h.FinishPrompt();

        h.Advance(5);

        Assert.Equal("fallback", h.Run.NodeId);
    }

    [Fact]
    public void A_key_during_the_invalid_prompt_answers_the_menu()
    {
        var h = Menu();
        h.FinishPrompt();
        h.Press("5");

        h.Press("1");

        Assert.Equal("english", h.Run.NodeId);
        Assert.Equal(1, h.Host.Stops);
    }

    [Fact]
    public void Retries_start_again_when_the_menu_is_entered_again()
    {
        var flow = new TestFlow("main")
            .Menu("menu", fallback: "fallback", keys: "1=menu 2=done", retries: 1)
            .Hangup("done", "goodbye")
            .Hangup("fallback", "goodbye")
            .Build();
        var h = new FlowHarness(flow).Started();
        h.FinishPrompt();
        h.Press("9");       // one retry used
        h.FinishPrompt();
        h.FinishPrompt();

        h.Press("1");       // the menu again, from the start
        h.FinishPrompt();
        h.Press("9");       // a retry is available again

        Assert.Equal("menu", h.Run.NodeId);
        Assert.Equal(["en/invalid-choice"], h.Host.LastPlay.Keys);
        Assert.Equal(2, h.StepsOf(FlowStepKind.Entered).Count(s => s.Node == "menu"));
    }

    [Fact]
    public void Uses_the_prompts_given_for_invalid_and_no_input()
    {
        var flow = new TestFlow("main")
            .Menu("menu", fallback: "bye", keys: "1=bye", prompts: ["choose", "options"], noInput: ["nothing"], invalid: ["wrong", "again"])
            .Hangup("bye", "goodbye")
            .Build();
        var h = new FlowHarness(flow).Started();
        Assert.Equal(["en/choose", "en/options"], h.Host.LastPlay.Keys);
        h.FinishPrompt();

        h.Press("3");
        Assert.Equal(["en/wrong", "en/again"], h.Host.LastPlay.Keys);
        h.FinishPrompt();
        h.FinishPrompt();
        h.Advance(5);
        Assert.Equal(["en/nothing"], h.Host.LastPlay.Keys);
    }
}
