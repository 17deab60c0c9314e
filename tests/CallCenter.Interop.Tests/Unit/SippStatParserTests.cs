using CallCenter.Interop.Tests.Sipp;
using FsCheck.Xunit;

namespace CallCenter.Interop.Tests.Unit;

public sealed class SippStatParserTests
{
    private const string Header =
        "StartTime;LastResetTime;CurrentTime;ElapsedTime(P);ElapsedTime(C);TargetRate;CallRate(P);CallRate(C);IncomingCall(P);IncomingCall(C);OutgoingCall(P);OutgoingCall(C);TotalCallCreated;CurrentCall;SuccessfulCall(P);SuccessfulCall(C);FailedCall(P);FailedCall(C);FailedCannotSendMessage(P)";

    private static string Row(int successful, int failed) =>
        $"2026-11-24\t07:59:29.257364\t1795507169.257364;2026-11-24\t07:59:29.257789\t1795507169.257789;2026-11-24\t07:59:29.360978\t1795507169.360978;00:00:00;00:00:00;10;9.70874;9.70874;0;0;1;1;1;0;1;{successful};0;{failed};0;";

    [Fact]
    public void Reads_the_last_row()
    {
        var csv = string.Join('\n', Header, Row(0, 0), Row(12, 3)) + "\n";

        Assert.True(SippStatParser.TryParse(csv, out var counts));
        Assert.Equal(new SippCallCounts(12, 3), counts);
    }

    [Fact]
    public void Header_only_is_not_parsed()
    {
        Assert.False(SippStatParser.TryParse(Header + "\n", out _));
    }

    [Fact]
    public void Missing_columns_are_not_parsed()
    {
        Assert.False(SippStatParser.TryParse("StartTime;CurrentCall\nx;1\n", out _));
    }

    [Fact]
    public void Short_row_is_not_parsed()
    {
        Assert.False(SippStatParser.TryParse(Header + "\nx;y\n", out _));
    }

    [Property]
    public bool Never_throws_on_arbitrary_text(string text)
    {
        SippStatParser.TryParse(text ?? string.Empty, out _);
        SippStatParser.TryParse(Header + "\n" + text, out _);
        return true;
    }
}
