using System.Numerics;
using CallCenter.Media.Dtmf;

namespace CallCenter.Media.Tests.Dtmf;

public class GoertzelBankTests
{
    private static readonly double[] Frequencies = [697, 941, 1209, 1633, 2954];

    [Fact]
    public void Combined_blocks_give_exactly_the_dft_of_the_whole_window()
    {
        var random = new Random(3);
        var samples = Enumerable.Range(0, 160).Select(_ => (short)random.Next(-20000, 20000)).ToArray();
        var bank = new GoertzelBank(Frequencies, 8000, 40);
        var outputs = new Complex[4][];
        for (var k = 0; k < 4; k++)
        {
            outputs[k] = new Complex[bank.Count];
            bank.Analyze(samples.AsSpan(k * 40, 40), outputs[k]);
        }

        for (var f = 0; f < Frequencies.Length; f++)
        {
            var perBlock = outputs.Select(o => o[f]).ToArray();
            var expected = DirectDftPower(samples, Frequencies[f]);
            Assert.Equal(expected, bank.CombinedPower(f, perBlock), expected * 1e-9);
        }
    }

    [Fact]
    public void A_single_block_gives_its_own_dft()
    {
        var samples = Enumerable.Range(0, 40).Select(n => (short)(10000 * Math.Sin(n * 0.7))).ToArray();
        var bank = new GoertzelBank(Frequencies, 8000, 40);
        var outputs = new Complex[bank.Count];
        bank.Analyze(samples, outputs);

        for (var f = 0; f < Frequencies.Length; f++)
        {
            var expected = DirectDftPower(samples, Frequencies[f]);
            Assert.Equal(expected, bank.CombinedPower(f, [outputs[f]]), Math.Max(expected * 1e-9, 1e-6));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(-25)]
    [InlineData(40)]
    public void Frequency_offset_is_measured_from_the_phase_steps(double offsetHz)
    {
        var bank = new GoertzelBank(Frequencies, 8000, 40);
        var samples = Enumerable.Range(0, 160).Select(n => (short)(12000 * Math.Cos(2 * Math.PI * (1209 + offsetHz) * n / 8000 + 0.3))).ToArray();
        var perBlock = new Complex[4];
        var outputs = new Complex[bank.Count];
        for (var k = 0; k < 4; k++)
        {
            bank.Analyze(samples.AsSpan(k * 40, 40), outputs);
            perBlock[k] = outputs[2];
        }

        Assert.Equal(offsetHz, bank.FrequencyOffset(2, perBlock, 8000), 1.5);
        Assert.Equal(1209, bank.Frequency(2));
    }

    [Fact]
    public void Wrong_block_size_is_refused()
    {
        var bank = new GoertzelBank(Frequencies, 8000, 40);

        Assert.Throws<ArgumentException>(() => bank.Analyze(new short[39], new Complex[bank.Count]));
    }

    private static double DirectDftPower(short[] samples, double frequency)
    {
        var sum = Complex.Zero;
        for (var n = 0; n < samples.Length; n++)
        {
            sum += samples[n] * Complex.FromPolarCoordinates(1, -2 * Math.PI * frequency * n / 8000);
        }

        return sum.Magnitude * sum.Magnitude;
    }
}
