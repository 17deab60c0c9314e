using System.Text;
using CallCenter.Media.Rtcp;
using CallCenter.Media.Tests.Rtp.Support;

namespace CallCenter.Media.Tests.Rtcp;

public class RtcpGoodbyeTests
{
    [Fact]
    public void Sources_and_reason_are_read()
    {
        Assert.True(RtcpGoodbye.TryParse(RtcpReportTests.Single(RtcpVectors.ByeWithReason), out var bye, out _));
        Assert.Equal(1, bye.SourceCount);
        Assert.Equal(0x11223344u, bye.GetSource(0));
        Assert.Equal("bye", Encoding.ASCII.GetString(bye.Reason));
    }

    [Fact]
    public void A_bye_without_reason_has_an_empty_one()
    {
        Assert.True(RtcpGoodbye.TryParse(RtcpReportTests.Single(RtcpVectors.ByeTwoSources), out var bye, out _));
        Assert.Equal(2, bye.SourceCount);
        Assert.Equal(0x55667788u, bye.GetSource(1));
        Assert.True(bye.Reason.IsEmpty);
    }

    [Theory]
    [InlineData("83 CB 00 02 11 22 33 44 55 66 77 88")]   // SC=3, two sources
    [InlineData("81 CB 00 02 11 22 33 44 09 62 79 65")]   // reason longer than the packet
    public void Truncated_byes_are_refused(string hex)
    {
        Assert.False(RtcpGoodbye.TryParse(RtcpReportTests.Single(Hex.Bytes(hex)), out _, out var error));
        Assert.Equal(RtcpParseError.GoodbyeTruncated, error);
    }
}
