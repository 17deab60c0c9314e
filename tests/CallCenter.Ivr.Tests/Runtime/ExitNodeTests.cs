using CallCenter.Ivr.Runtime;

namespace CallCenter.Ivr.Tests.Runtime;

public class ExitNodeTests
{
    [Fact]
    public void Queue_ends_the_flow_with_skills_expanded_and_the_node_priority()
    {
        var h = new FlowHarness(new TestFlow("main")
            .Set("set", "queue", ("language", "tl"), ("skills", "vip, billing ,"))
            .Queue("queue", ["billing", "lang-${language}"], priority: 8)
            .Build()).Started();

        Assert.Equal(FlowOutcome.Queued, h.Run.Outcome);
        Assert.True(h.Run.IsFinished);
        var request = Assert.Single(h.Host.Queued);
        Assert.Equal(["billing", "lang-tl", "vip"], request.Skills);
        Assert.Equal(8, request.Priority);
        Assert.Same(request, h.Run.QueueRequest);
        Assert.Equal("queue billing,lang-tl,vip priority 8", h.StepsOf(FlowStepKind.Outcome).Single().Detail);
    }

    [Theory]
    [InlineData("9", 9)]
    [InlineData("11", 5)]
    [InlineData("high", 5)]
    public void Without_a_node_priority_the_priority_variable_is_used_when_it_is_1_to_10(string value, int expected)
    {
        var h = new FlowHarness(new TestFlow("main")
            .Set("set", "queue", ("priority", value))
            .Queue("queue", ["general"])
            .Build()).Started();

        Assert.Equal(expected, h.Host.Queued.Single().Priority);
    }

    [Fact]
    public void The_default_priority_is_5()
    {
        var h = new FlowHarness(new TestFlow("main").Queue("queue", ["general"]).Build()).Started();

        Assert.Equal(QueueRequest.DefaultPriority, h.Host.Queued.Single().Priority);
    }

    [Fact]
    public void No_agent_resumes_the_flow_at_the_no_agent_node()
    {
        var h = new FlowHarness(new TestFlow("main")
            .Queue("queue", ["general"], noAgent: "busy")
            .Menu("busy", fallback: "bye", keys: "1=queue")
            .Hangup("bye", "goodbye")
            .Build()).Started();

        h.Run.OnNoAgent();

        Assert.Equal(FlowOutcome.None, h.Run.Outcome);
        Assert.Null(h.Run.QueueRequest);
        Assert.Equal("busy", h.Run.NodeId);
        h.Press("1");
        Assert.Equal(2, h.Host.Queued.Count);
        Assert.Equal(FlowOutcome.Queued, h.Run.Outcome);
    }

    [Fact]
    public void No_agent_without_a_no_agent_node_says_all_agents_busy_and_goodbye_then_releases()
    {
        var h = new FlowHarness(new TestFlow("main").Queue("queue", ["general"]).Build()).Started();

        h.Run.OnNoAgent();

        Assert.Equal(["en/all-agents-busy", "en/goodbye"], h.Host.LastPlay.Keys);
        Assert.False(h.Host.LastPlay.Interruptible);
        Assert.Equal(0, h.Host.Hangups);
        h.FinishPrompt();
        Assert.Equal(1, h.Host.Hangups);
        Assert.Equal(FlowOutcome.HungUp, h.Run.Outcome);
    }

    [Fact]
    public void No_agent_while_not_queued_is_ignored()
    {
        var h = new FlowHarness(new TestFlow("main").Menu("menu", fallback: "bye", keys: "1=bye").Hangup("bye", "goodbye").Build()).Started();

        h.Run.OnNoAgent();

        Assert.Equal("menu", h.Run.NodeId);
        Assert.Empty(h.StepsOf(FlowStepKind.NoAgent));
    }

    [Fact]
    public void Routing_that_answers_no_agent_from_inside_queue_is_handled_after_the_queue_step()
    {
        var h = new FlowHarness(new TestFlow("main")
            .Queue("queue", ["general"], noAgent: "bye")
            .Hangup("bye", "goodbye")
            .Build());
        h.Host.OnQueued = run => run.OnNoAgent();

        h.Run.Start();

        Assert.Equal("bye", h.Run.NodeId);
        Assert.Equal(["en/goodbye"], h.Host.LastPlay.Keys);
    }

    [Fact]
    public void Transfer_to_a_uri_ends_the_flow_with_that_destination()
    {
        var h = new FlowHarness(new TestFlow("main").TransferToUri("out", "sip:+63281234567@trunk.example.com").Build()).Started();

        Assert.Equal(FlowOutcome.Transferred, h.Run.Outcome);
        Assert.Equal("sip:+63281234567@trunk.example.com", h.Run.TransferUri);
        Assert.Equal(["sip:+63281234567@trunk.example.com"], h.Host.Transfers);
    }

    [Fact]
    public void Transfer_to_a_flow_continues_at_its_start_with_the_same_variables()
    {
        var survey = new TestFlow("survey")
            .Say("thanks", next: "rate", new Definition.SayItem(Definition.SayFormat.Digits, "account", Definition.FlowPosition.File))
            .Menu("rate", fallback: "bye", keys: "5=bye", prompts: ["rate-us"])
            .Hangup("bye", "goodbye")
            .Build();
        var main = new TestFlow("main")
            .Set("set", "to-survey", ("account", "42"), ("language", "tl"))
            .TransferToFlow("to-survey", "survey")
            .Build();
        var h = new FlowHarness(main, [survey], promptExists: (language, name) => language == "tl" && name == "rate-us").Started();

        Assert.Same(survey, h.Run.Flow);
        Assert.Equal("thanks", h.Run.NodeId);
        Assert.Equal(["en/digits/4", "en/digits/2"], h.Host.LastPlay.Keys);
        Assert.Equal("survey", h.StepsOf(FlowStepKind.FlowChanged).Single().Detail);
        h.FinishPrompt();
        Assert.Equal(["tl/rate-us"], h.Host.LastPlay.Keys);
        h.FinishPrompt();
        h.Press("5");
        Assert.Equal("bye", h.Run.NodeId);
        Assert.Equal(FlowOutcome.None, h.Run.Outcome);
    }

    [Fact]
    public void Transfer_to_a_flow_that_is_not_loaded_says_goodbye_and_releases()
    {
        var h = new FlowHarness(new TestFlow("main").TransferToFlow("out", "gone").Build()).Started();

        Assert.Equal(["en/goodbye"], h.Host.LastPlay.Keys);
        h.FinishPrompt();
        Assert.Equal(FlowOutcome.HungUp, h.Run.Outcome);
        Assert.Equal("gone (not loaded)", h.StepsOf(FlowStepKind.FlowChanged).Single().Detail);
    }

    [Fact]
    public void Flows_that_transfer_to_each_other_without_input_are_stopped()
    {
        var ping = new TestFlow("ping").TransferToFlow("go", "pong").Build();
        var pong = new TestFlow("pong").TransferToFlow("go", "ping").Build();
        var h = new FlowHarness(ping, [pong]).Started();

        Assert.Equal(["en/goodbye"], h.Host.LastPlay.Keys);
        h.FinishPrompt();
        Assert.Equal(FlowOutcome.HungUp, h.Run.Outcome);
        Assert.Equal(9, h.StepsOf(FlowStepKind.FlowChanged).Count());
    }

    [Fact]
    public void Hangup_plays_its_prompts_and_releases_only_when_they_have_finished()
    {
        var h = new FlowHarness(new TestFlow("main").Hangup("bye", "thanks", "goodbye").Build()).Started();

        Assert.Equal(["en/thanks", "en/goodbye"], h.Host.LastPlay.Keys);
        Assert.False(h.Host.LastPlay.Interruptible);
        Assert.Equal(0, h.Host.Hangups);
        Assert.False(h.Run.IsFinished);
        h.Press("1");
        Assert.Equal(0, h.Host.Stops);

        h.FinishPrompt();

        Assert.Equal(1, h.Host.Hangups);
        Assert.Equal(FlowOutcome.HungUp, h.Run.Outcome);
    }

    [Fact]
    public void Hangup_without_prompts_releases_at_once()
    {
        var h = new FlowHarness(new TestFlow("main").Hangup("bye").Build()).Started();

        Assert.Empty(h.Host.Plays);
        Assert.Equal(1, h.Host.Hangups);
    }
}
