using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;

namespace CallCenter.Ivr.Tests.Runtime;

public class SayAndSetNodeTests
{
    private static SayItem Item(SayFormat format, string value) => new(format, value, FlowPosition.File);

    private static FlowHarness SayWith(string variable, string value, params SayItem[] items) =>
        new FlowHarness(new TestFlow("main")
            .Set("set", next: "say", (variable, value))
            .Say("say", next: "bye", items)
            .Hangup("bye", "goodbye")
            .Build()).Started();

    [Fact]
    public void Says_a_number_in_words()
    {
        var h = SayWith("amount", "345", Item(SayFormat.Prompt, "you-owe"), Item(SayFormat.Number, "amount"));

        Assert.Equal(["en/you-owe", "en/digits/3", "en/digits/hundred", "en/digits/40", "en/digits/5"], h.Host.LastPlay.Keys);
        Assert.False(h.Host.LastPlay.Interruptible);
        h.FinishPrompt();
        Assert.Equal("bye", h.Run.NodeId);
    }

    [Fact]
    public void Says_digits_one_by_one()
    {
        var h = SayWith("account", "40#", Item(SayFormat.Digits, "account"));

        Assert.Equal(["en/digits/4", "en/digits/0", "en/digits/pound"], h.Host.LastPlay.Keys);
    }

    [Fact]
    public void Says_a_number_in_e164_form_without_its_plus()
    {
        var h = SayWith("number", "+6391", Item(SayFormat.Digits, "number"));

        Assert.Equal(["en/digits/6", "en/digits/3", "en/digits/9", "en/digits/1"], h.Host.LastPlay.Keys);
    }

    [Theory]
    [InlineData("+")]
    [InlineData("++63")]
    [InlineData("63+")]
    public void A_plus_anywhere_but_in_front_of_digits_is_not_spoken(string value)
    {
        var h = SayWith("number", value, Item(SayFormat.Prompt, "you-entered"), Item(SayFormat.Digits, "number"));

        Assert.Equal(["en/you-entered"], h.Host.LastPlay.Keys);
        Assert.Equal($"digits number ('{value}')", h.StepsOf(FlowStepKind.ValueMissing).Single().Detail);
    }

    [Theory]
    [InlineData("125", new[] { "en/digits/2", "en/time/minutes" })]
    [InlineData("60", new[] { "en/digits/1", "en/time/minute" })]
    [InlineData("59", new[] { "en/time/less-than-a-minute" })]
    public void Says_a_duration_in_whole_minutes(string seconds, string[] expected)
    {
        var h = SayWith("wait", seconds, Item(SayFormat.Duration, "wait"));

        Assert.Equal(expected, h.Host.LastPlay.Keys);
    }

    [Fact]
    public void A_missing_variable_says_nothing_for_its_item_and_is_logged()
    {
        var h = SayWith("other", "1", Item(SayFormat.Prompt, "you-entered"), Item(SayFormat.Digits, "account"));

        Assert.Equal(["en/you-entered"], h.Host.LastPlay.Keys);
        Assert.Equal("digits account (not set)", h.StepsOf(FlowStepKind.ValueMissing).Single().Detail);
    }

    [Fact]
    public void A_value_that_cannot_be_spoken_is_skipped_and_logged()
    {
        var h = SayWith("amount", "12x", Item(SayFormat.Number, "amount"));

        Assert.Equal("bye", h.Run.NodeId);
        Assert.Equal("number amount ('12x')", h.StepsOf(FlowStepKind.ValueMissing).Single().Detail);
    }

    [Fact]
    public void Set_fills_templates_from_the_variables_so_far_in_order()
    {
        var h = new FlowHarness(new TestFlow("main")
            .Set("set", next: "bye", ("language", "tl"), ("subject", "Call from ${caller} in ${language}${unset}"))
            .Hangup("bye", "goodbye")
            .Build(), caller: "+6321234").Started();

        Assert.Equal("tl", h.Run.Variables["language"]);
        Assert.Equal("Call from +6321234 in tl", h.Run.Variables["subject"]);
        Assert.Equal(["language=tl", "subject=Call from +6321234 in tl"], h.StepsOf(FlowStepKind.VariableSet).Select(s => s.Detail));
    }

    [Fact]
    public void Set_cannot_change_the_caller_or_dialled_number()
    {
        var h = new FlowHarness(new TestFlow("main")
            .Set("set", next: "bye", ("caller", "forged"), ("dialled", "999"))
            .Hangup("bye", "goodbye")
            .Build(), caller: "+631", dialled: "100").Started();

        Assert.Equal("+631", h.Run.Variables["caller"]);
        Assert.Equal("100", h.Run.Variables["dialled"]);
    }

    [Fact]
    public void The_language_picks_prompts_per_name_with_english_fallback()
    {
        var h = new FlowHarness(
            new TestFlow("main")
                .Set("set", next: "bye", ("language", "tl"))
                .Hangup("bye", "thanks", "goodbye")
                .Build(),
            promptExists: (language, name) => language == "tl" && name == "goodbye").Started();

        Assert.Equal(["en/thanks", "tl/goodbye"], h.Host.LastPlay.Keys);
    }

    [Fact]
    public void The_flow_language_is_the_starting_language()
    {
        var h = new FlowHarness(
            new TestFlow("main").Language("ms").Hangup("bye", "goodbye").Build(),
            promptExists: (language, _) => language == "ms").Started();

        Assert.Equal("ms", h.Run.Variables["language"]);
        Assert.Equal(["ms/goodbye"], h.Host.LastPlay.Keys);
    }
}
