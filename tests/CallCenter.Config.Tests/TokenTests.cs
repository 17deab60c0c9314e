using CallCenter.Config.Schema;

namespace CallCenter.Config.Tests;

public class TokenTests
{
    [Theory]
    [InlineData("1001", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("10_01", false)]
    [InlineData("１００１", false)]
    public void Extension_is_ascii_letters_and_digits(string text, bool expected) =>
        Assert.Equal(expected, Tokens.IsExtension(text));

    [Theory]
    [InlineData("sales", true)]
    [InlineData("lang-en", true)]
    [InlineData("2nd-line", true)]
    [InlineData("a-", true)]
    [InlineData("-a", false)]
    [InlineData("", false)]
    [InlineData("Sales", false)]
    [InlineData("saleś", false)]
    public void Skill_name_is_lowercase_words_joined_by_hyphens(string text, bool expected) =>
        Assert.Equal(expected, Tokens.IsSkillName(text));

    [Theory]
    [InlineData("100", true)]
    [InlineData("*98#", true)]
    [InlineData("+63288881234", true)]
    [InlineData("+", false)]
    [InlineData("", false)]
    [InlineData("++1", false)]
    [InlineData("1 00", false)]
    public void Dialable_number_uses_keypad_keys_and_an_optional_leading_plus(string text, bool expected) =>
        Assert.Equal(expected, Tokens.IsDialable(text));

    [Theory]
    [InlineData("main", true)]
    [InlineData("after_hours-2", true)]
    [InlineData("", false)]
    [InlineData("a/b", false)]
    [InlineData("..", false)]
    public void Flow_name_cannot_contain_path_characters(string text, bool expected) =>
        Assert.Equal(expected, Tokens.IsFlowName(text));
}
