using CallCenter.Media.Dtmf;

namespace CallCenter.Media.Tests.Dtmf;

public class DtmfDigitsTests
{
    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('*', 10)]
    [InlineData('#', 11)]
    [InlineData('A', 12)]
    [InlineData('B', 13)]
    [InlineData('C', 14)]
    [InlineData('D', 15)]
    public void Keys_map_to_RFC_4733_event_codes_both_ways(char digit, int code)
    {
        Assert.True(DtmfDigits.TryToEventCode(digit, out var eventCode));
        Assert.Equal(code, eventCode);
        Assert.True(DtmfDigits.TryFromEventCode(code, out var back));
        Assert.Equal(digit, back);
    }

    [Theory]
    [InlineData('a', 'A')]
    [InlineData('d', 'D')]
    [InlineData('5', '5')]
    public void Lower_case_letters_are_the_same_keys(char given, char canonical)
    {
        Assert.True(DtmfDigits.IsDigit(given));
        Assert.Equal(canonical, DtmfDigits.Normalize(given));
    }

    [Theory]
    [InlineData('E')]
    [InlineData('e')]
    [InlineData('!')]
    [InlineData(' ')]
    [InlineData('\0')]
    [InlineData('٣')]
    public void Other_characters_are_not_keys(char other)
    {
        Assert.False(DtmfDigits.IsDigit(other));
        Assert.False(DtmfDigits.TryToEventCode(other, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => DtmfDigits.Normalize(other));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    [InlineData(255)]
    public void Event_codes_beyond_15_are_not_keys(int code)
    {
        Assert.False(DtmfDigits.TryFromEventCode(code, out _));
    }

    [Theory]
    [InlineData('1', 697, 1209)]
    [InlineData('5', 770, 1336)]
    [InlineData('9', 852, 1477)]
    [InlineData('*', 941, 1209)]
    [InlineData('0', 941, 1336)]
    [InlineData('#', 941, 1477)]
    [InlineData('d', 941, 1633)]
    [InlineData('A', 697, 1633)]
    public void The_keypad_gives_each_key_its_two_frequencies(char digit, double low, double high)
    {
        Assert.True(DtmfKeypad.TryGetFrequencies(digit, out var l, out var h));
        Assert.Equal(low, l);
        Assert.Equal(high, h);
    }

    [Fact]
    public void The_keypad_layout_covers_all_sixteen_keys_once()
    {
        var keys = Enumerable.Range(0, 16).Select(i => DtmfKeypad.KeyAt(i / 4, i % 4)).ToArray();

        Assert.Equal(DtmfDigits.All.OrderBy(c => c), keys.OrderBy(c => c));
        Assert.False(DtmfKeypad.TryGetFrequencies('x', out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => DtmfKeypad.KeyAt(4, 0));
    }

    [Fact]
    public void An_event_ends_its_duration_after_it_starts()
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var press = new DtmfEvent('3', DtmfMethod.SipInfo, start, TimeSpan.FromMilliseconds(160));

        Assert.Equal(start.AddMilliseconds(160), press.EndTime);
        Assert.Null(press.Volume);
    }
}
