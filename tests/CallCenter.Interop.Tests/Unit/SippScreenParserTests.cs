using CallCenter.Interop.Tests.Sipp;
using FsCheck.Xunit;

namespace CallCenter.Interop.Tests.Unit;

public sealed class SippScreenParserTests
{
    // The end of a real sipp 3.6.1 run (one REGISTER call, successful), as printed to stdout.
    private const string FinalScreen = """
        ----------------------------- Statistics Screen ------- [1-9]: Change Screen --
          Start Time             | 2026-11-24	07:59:29.257364	1795507169.257364
        -------------------------+---------------------------+--------------------------
          Counter Name           | Periodic value            | Cumulative value
        -------------------------+---------------------------+--------------------------
          Incoming calls created |        0                  |        0
          Outgoing calls created |        0                  |        1
        -------------------------+---------------------------+--------------------------
          Successful call        |        0                  |        1
          Failed call            |        0                  |        0
        -------------------------+---------------------------+--------------------------
          Call Length            | 00:00:00:000000           | 00:00:00:000000
        ------------------------------ Test Terminated --------------------------------
        """;

    [Fact]
    public void Reads_the_cumulative_column()
    {
        Assert.True(SippScreenParser.TryParse(FinalScreen, out var counts));
        Assert.Equal(new SippCallCounts(1, 0), counts);
    }

    [Fact]
    public void The_last_screen_wins()
    {
        var twoScreens = FinalScreen
            + "\n  Successful call        |        3                  |        7   \n  Failed call            |        1                  |        2\n";

        Assert.True(SippScreenParser.TryParse(twoScreens, out var counts));
        Assert.Equal(new SippCallCounts(7, 2), counts);
    }

    [Fact]
    public void Accepts_carriage_returns()
    {
        Assert.True(SippScreenParser.TryParse(FinalScreen.Replace("\n", "\r\n", StringComparison.Ordinal), out var counts));
        Assert.Equal(new SippCallCounts(1, 0), counts);
    }

    [Fact]
    public void Missing_failed_row_is_not_parsed()
    {
        Assert.False(SippScreenParser.TryParse("  Successful call        |        0                  |        1\n", out _));
    }

    [Property]
    public bool Never_throws_on_arbitrary_text(string text)
    {
        SippScreenParser.TryParse(text ?? string.Empty, out _);
        return true;
    }
}
