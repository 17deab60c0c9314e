using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;
using FsCheck.Xunit;

namespace CallCenter.Ivr.Tests.Runtime;

public class RuntimeSupportTests
{
    private static CallVariables Variables(params (string Name, string Value)[] values)
    {
        var variables = new CallVariables(2);
        foreach (var (name, value) in values)
        {
            variables.Set(name, value);
        }

        return variables;
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("lang-${language}", "lang-tl")]
    [InlineData("${language}${language}", "tltl")]
    [InlineData("${missing}x", "x")]
    [InlineData("a ${ b", "a ${ b")]
    [InlineData("${language", "${language")]
    [InlineData("$language", "$language")]
    public void Templates_fill_in_variables(string template, string expected)
    {
        Assert.Equal(expected, VariableTemplate.Expand(template, Variables(("language", "tl"))));
    }

    [Fact]
    public void Text_without_variables_is_returned_as_it_is()
    {
        const string text = "General enquiry";

        Assert.Same(text, VariableTemplate.Expand(text, Variables()));
    }

    [Property]
    public void Any_text_expands_without_throwing(string? text)
    {
        _ = VariableTemplate.Expand(text ?? string.Empty, Variables(("a", "1")));
    }

    [Fact]
    public void Variables_are_set_replaced_and_grown()
    {
        var variables = Variables(("a", "1"), ("b", "2"), ("c", "3"));
        variables.Set("a", "4");

        Assert.Equal(3, variables.Count);
        Assert.Equal("4", variables["a"]);
        Assert.Equal(["a", "b", "c"], variables.Keys);
        Assert.Null(variables.GetValueOrNull("A"));
        Assert.False(variables.TryGetValue("d", out _));
        Assert.Throws<KeyNotFoundException>(() => variables["d"]);
    }

    [Fact]
    public void Prompts_fall_back_to_english_one_by_one_and_lookups_are_remembered()
    {
        int lookups = 0;
        var resolver = new PromptResolver((language, name) =>
        {
            lookups++;
            return language == "tl" && name == "welcome";
        });
        var prompts = new PromptList(["welcome", "menu"], FlowPosition.File);

        var first = resolver.Resolve(prompts, "tl");
        var second = resolver.Resolve(prompts, "tl");

        Assert.Equal(["tl/welcome", "en/menu"], first.Keys);
        Assert.Equal("welcome menu", first.Names);
        Assert.Same(first, second);
        Assert.Equal(2, lookups);
    }

    [Fact]
    public void English_prompts_are_not_looked_up()
    {
        var resolver = new PromptResolver((_, _) => throw new InvalidOperationException("no lookup expected"));

        Assert.Equal("en/welcome", resolver.ResolveName("welcome", "en"));
    }

    [Fact]
    public void A_step_keeps_its_time_and_kind_for_every_kind()
    {
        var time = new DateTimeOffset(2026, 11, 23, 9, 30, 15, 123, TimeSpan.FromHours(8));
        foreach (var kind in Enum.GetValues<FlowStepKind>())
        {
            var step = new FlowStep(time, "menu", kind, "1");

            Assert.Equal(kind, step.Kind);
            Assert.Equal(time, step.Time);
            Assert.Equal(TimeSpan.Zero, step.Time.Offset);
        }
    }

    [Fact]
    public void A_step_is_24_bytes()
    {
        Assert.Equal(24, System.Runtime.CompilerServices.Unsafe.SizeOf<FlowStep>());
    }
}
