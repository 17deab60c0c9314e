using CallCenter.Ivr.Validation;

namespace CallCenter.Ivr.Tests.Validation;

public class NameHintTests
{
    [Theory]
    [InlineData("billing-q", " (did you mean \"billing-queue\"?)")]
    [InlineData("welcom", " (did you mean \"welcome\"?)")]
    [InlineData("biling", " (did you mean \"billing\"?)")]
    [InlineData("sale", " (did you mean \"sales\"?)")]
    [InlineData("zzz", "")]
    [InlineData("b", "")]
    public void Guesses_a_name_cut_short_then_the_closest_spelling(string typed, string hint)
    {
        Assert.Equal(hint, NameHint.For(typed, ["billing", "billing-queue", "sales", "sales-queue", "welcome"]));
    }
}
