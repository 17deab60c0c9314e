using CallCenter.Media.Audio;

namespace CallCenter.Media.Tests.Audio;

public sealed class NumberSpeakerTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(7, "7")]
    [InlineData(13, "13")]
    [InlineData(19, "19")]
    [InlineData(20, "20")]
    [InlineData(21, "20 1")]
    [InlineData(99, "90 9")]
    [InlineData(100, "1 hundred")]
    [InlineData(101, "1 hundred 1")]
    [InlineData(115, "1 hundred 15")]
    [InlineData(342, "3 hundred 40 2")]
    [InlineData(1000, "1 thousand")]
    [InlineData(1001, "1 thousand 1")]
    [InlineData(2020, "2 thousand 20")]
    [InlineData(12345, "12 thousand 3 hundred 40 5")]
    [InlineData(100000, "1 hundred thousand")]
    [InlineData(700011, "7 hundred thousand 11")]
    [InlineData(999999, "9 hundred 90 9 thousand 9 hundred 90 9")]
    public void Number_IsSpokenInEnglishWords(int number, string words)
    {
        Assert.Equal(words.Split(' ').Select(w => $"digits/{w}"), NumberSpeaker.Number(number));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void Number_RejectsValuesOutsideTheRange(int number)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberSpeaker.Number(number));
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberSpeaker.Minutes(number));
    }

    [Fact]
    public void Digits_AreReadOneByOne()
    {
        Assert.Equal(
            ["digits/0", "digits/4", "digits/2", "digits/star", "digits/9", "digits/pound"],
            NumberSpeaker.Digits("042*9#"));
        Assert.Empty(NumberSpeaker.Digits(""));
    }

    [Fact]
    public void Digits_RejectNonKeypadCharactersWithoutAddingAnything()
    {
        var keys = new List<string>();

        ArgumentException error = Assert.Throws<ArgumentException>(() => NumberSpeaker.AppendDigits("12-3", keys));

        Assert.StartsWith("Character '-' at position 2 is not a keypad digit (0-9, * or #).", error.Message);
        Assert.Empty(keys);
    }

    [Theory]
    [InlineData(0, new[] { "time/less-than-a-minute" })]
    [InlineData(1, new[] { "digits/1", "time/minute" })]
    [InlineData(5, new[] { "digits/5", "time/minutes" })]
    [InlineData(21, new[] { "digits/20", "digits/1", "time/minutes" })]
    public void Minutes_UseSingularPluralAndLessThanAMinute(int minutes, string[] expected)
    {
        Assert.Equal(expected, NumberSpeaker.Minutes(minutes));
    }

    [Fact]
    public void QueuePosition_SaysYouAreNumberNInLine()
    {
        Assert.Equal(["queue/you-are-number", "digits/3", "queue/in-line"], NumberSpeaker.QueuePosition(3));
        Assert.Equal(["queue/you-are-number", "digits/20", "digits/3", "queue/in-line"], NumberSpeaker.QueuePosition(23));
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberSpeaker.QueuePosition(0));
    }

    [Fact]
    public void EstimatedWait_SaysYourEstimatedWaitIsNMinutes()
    {
        Assert.Equal(["queue/estimated-wait", "digits/4", "time/minutes"], NumberSpeaker.EstimatedWait(4));
        Assert.Equal(["queue/estimated-wait", "time/less-than-a-minute"], NumberSpeaker.EstimatedWait(0));
    }

    [Fact]
    public void AllKeys_CoverEverythingAnyNumberOrDigitProduces()
    {
        var allKeys = new HashSet<string>(NumberSpeaker.AllKeys);
        var used = new HashSet<string>();
        var keys = new List<string>(16);
        for (int number = 0; number <= NumberSpeaker.MaxNumber; number++)
        {
            keys.Clear();
            NumberSpeaker.AppendNumber(number, keys);
            NumberSpeaker.AppendMinutes(number, keys);
            used.UnionWith(keys);
        }

        used.UnionWith(NumberSpeaker.Digits("0123456789*#"));
        used.UnionWith(NumberSpeaker.QueuePosition(1));
        used.UnionWith(NumberSpeaker.EstimatedWait(1));

        Assert.Subset(allKeys, used);
        Assert.Equal(allKeys, used);   // and nothing in AllKeys is unused
        Assert.Equal(NumberSpeaker.AllKeys.Count, allKeys.Count);
        Assert.Equal(38, allKeys.Count);
    }

    [Fact]
    public void PromptKeysAll_HoldsTheGeneralPromptsAndTheNumberKeys()
    {
        Assert.Subset(new HashSet<string>(PromptKeys.All), new HashSet<string>(NumberSpeaker.AllKeys));
        Assert.Contains(PromptKeys.Welcome, PromptKeys.All);
        Assert.Equal(PromptKeys.All.Count, PromptKeys.All.Distinct().Count());
    }

    [Fact]
    public void NumberKey_AcceptsOnlySingleWordNumbers()
    {
        Assert.Equal("digits/19", NumberSpeaker.NumberKey(19));
        Assert.Equal("digits/90", NumberSpeaker.NumberKey(90));
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberSpeaker.NumberKey(21));
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberSpeaker.NumberKey(100));
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberSpeaker.NumberKey(-1));
    }

    [Fact]
    public void Append_DoesNotAllocateWhenTheListHasRoom()
    {
        var keys = new List<string>(32);
        NumberSpeaker.AppendNumber(999_999, keys);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            keys.Clear();
            NumberSpeaker.AppendNumber(123_456 + i, keys);
            NumberSpeaker.AppendMinutes(i, keys);
            NumberSpeaker.AppendDigits("12*#", keys);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
