using System.Numerics;

namespace CallCenter.Media.Dtmf;

/// <summary>
/// Goertzel filters for a fixed set of frequencies over fixed-length blocks of 16-bit PCM. Besides the usual
/// power, it gives each block's complex result, so that the DFT over several consecutive blocks can be
/// assembled from them exactly; a window sliding by one block then costs one pass over each sample.
/// </summary>
internal sealed class GoertzelBank
{
    private readonly double[] _frequencies;
    private readonly double[] _coefficients;
    private readonly Complex[] _tails;
    private readonly Complex[] _blockRotations;

    public GoertzelBank(ReadOnlySpan<double> frequencies, int sampleRate, int blockLength)
    {
        BlockLength = blockLength;
        _frequencies = frequencies.ToArray();
        _coefficients = new double[frequencies.Length];
        _tails = new Complex[frequencies.Length];
        _blockRotations = new Complex[frequencies.Length];
        for (var i = 0; i < frequencies.Length; i++)
        {
            var omega = 2 * Math.PI * frequencies[i] / sampleRate;
            _coefficients[i] = 2 * Math.Cos(omega);
            _tails[i] = Complex.FromPolarCoordinates(1, -omega);
            _blockRotations[i] = Complex.FromPolarCoordinates(1, -omega * blockLength);
        }
    }

    public int Count => _coefficients.Length;

    public int BlockLength { get; }

    /// <summary>The frequency of filter <paramref name="index"/>, Hz.</summary>
    public double Frequency(int index) => _frequencies[index];

    /// <summary>
    /// Runs every filter over one block. Output i is s[N−1] − e^(−jω)·s[N−2], which equals
    /// e^(jω(N−1)) times the block's DFT at ω: the same phase factor for every block of the same length.
    /// </summary>
    public void Analyze(ReadOnlySpan<short> block, Span<Complex> outputs)
    {
        if (block.Length != BlockLength || outputs.Length < Count)
        {
            throw new ArgumentException("Block or output size does not match the filter bank.");
        }

        for (var f = 0; f < _coefficients.Length; f++)
        {
            var coefficient = _coefficients[f];
            double previous = 0, beforePrevious = 0;
            foreach (var sample in block)
            {
                var current = sample + (coefficient * previous) - beforePrevious;
                beforePrevious = previous;
                previous = current;
            }

            outputs[f] = previous - (_tails[f] * beforePrevious);
        }
    }

    /// <summary>
    /// |DFT|² at frequency <paramref name="index"/> over consecutive blocks whose outputs are given oldest first.
    /// Block k starts kN samples later, so its DFT is rotated by e^(−jωNk) before summing; the common phase
    /// factor of <see cref="Analyze"/> does not change the magnitude.
    /// </summary>
    public double CombinedPower(int index, ReadOnlySpan<Complex> blockOutputsOldestFirst)
    {
        var rotation = _blockRotations[index];
        var phase = Complex.One;
        var sum = Complex.Zero;
        foreach (var output in blockOutputsOldestFirst)
        {
            sum += phase * output;
            phase *= rotation;
        }

        return (sum.Real * sum.Real) + (sum.Imaginary * sum.Imaginary);
    }

    /// <summary>
    /// How far, in Hz, the dominant component near frequency <paramref name="index"/> lies from it, measured
    /// from consecutive blocks (oldest first). A component δ rad/sample off the filter advances the rotated
    /// block results by δN radians per block, so δ is the mean phase step divided by N. Unambiguous within
    /// ±sampleRate / (2N) Hz.
    /// </summary>
    public double FrequencyOffset(int index, ReadOnlySpan<Complex> blockOutputsOldestFirst, int sampleRate)
    {
        var rotation = _blockRotations[index];
        var phase = Complex.One;
        var previous = Complex.Zero;
        var steps = Complex.Zero;
        for (var k = 0; k < blockOutputsOldestFirst.Length; k++)
        {
            var aligned = phase * blockOutputsOldestFirst[k];
            if (k > 0)
            {
                steps += aligned * Complex.Conjugate(previous);
            }

            previous = aligned;
            phase *= rotation;
        }

        return steps.Phase * sampleRate / (2 * Math.PI * BlockLength);
    }
}
