using CallCenter.Interop.Tests.Peers;
using FsCheck.Xunit;

namespace CallCenter.Interop.Tests.Unit;

public sealed class SoxStatTests
{
    private const string StatOutput = """
        Samples read:             55440
        Length (seconds):      6.930000
        Scaled by:         2147483647.0
        Maximum amplitude:     0.465332
        Minimum amplitude:    -0.500000
        Midline amplitude:    -0.017334
        Mean    norm:          0.030303
        Mean    amplitude:    -0.000128
        RMS     amplitude:     0.059035
        Maximum delta:         0.312500
        RMS     delta:         0.021576
        Rough   frequency:          465
        Volume adjustment:        2.000
        """;

    [Fact]
    public void Reads_the_rms_amplitude_line()
    {
        Assert.True(Sox.TryParseRmsAmplitude(StatOutput, out var rms));
        Assert.Equal(0.059035, rms, 6);
    }

    [Fact]
    public void Output_without_the_line_is_not_parsed()
    {
        Assert.False(Sox.TryParseRmsAmplitude("RMS     delta:         0.021576\n", out _));
    }

    [Property]
    public bool Never_throws_on_arbitrary_text(string text)
    {
        Sox.TryParseRmsAmplitude(text ?? string.Empty, out _);
        return true;
    }
}
