using CallCenter.Config.Schema;

namespace CallCenter.Config.Tests;

public class SuggestionTests
{
    [Theory]
    [InlineData("", "abc", 3)]
    [InlineData("skils", "skills", 1)]
    [InlineData("nmae", "name", 2)]
    [InlineData("secret", "secret", 0)]
    public void Edit_distance_counts_single_character_edits(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.EditDistance(a, b));
    }

    [Theory]
    [InlineData("Secret", "secret")]
    [InlineData("extention", "extension")]
    [InlineData("department", null)]
    public void Closest_allowed_word_is_suggested_only_when_near(string typed, string? expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typed, ["extension", "name", "secret", "skills"]));
    }
}
