using System.Numerics;

namespace CallCenter.Media.Dtmf;

/// <summary>
/// Decides, for each 20 ms window of 8 kHz audio sliding by 5 ms, whether one DTMF key sounds throughout it.
/// Goertzel filters run once per 5 ms sub-block at the eight key frequencies and their second harmonics;
/// a window's spectrum is assembled from its four sub-blocks (<see cref="GoertzelBank.CombinedPower"/>).
/// A 20 ms window resolves 50 Hz, enough to separate the closest key frequencies (697/770 Hz), and the
/// 5 ms hop measures tone and pause lengths to about 5 ms.
/// </summary>
internal sealed class DtmfToneAnalyzer
{
    public const int SampleRate = 8000;
    public const int SubBlockLength = 40;
    public const int SubBlocksPerWindow = 4;
    public const int WindowLength = SubBlockLength * SubBlocksPerWindow;

    /// <summary>
    /// A window is "even" when every sub-block holds at least this share of the mean sub-block energy.
    /// The two tones of a key beat (at 268 Hz or more), so a steady key still varies up to about ±21% per
    /// 5 ms; a sub-block at a tone's edge that the tone covers by less than about half falls below it. That
    /// keeps tone and pause lengths measured to one sub-block, so 30 ms never passes for 40 ms.
    /// </summary>
    private const double MinSubBlockShareOfMean = 0.4;

    /// <summary>Peak amplitude of a 0 dBm0 sine in 16-bit PCM: G.711 full scale (32636) is +3.17 dBm0 (ITU-T G.711).</summary>
    private static readonly double ZeroDbm0Amplitude = 32636 / Math.Pow(10, 3.17 / 20);

    private readonly GoertzelBank _bank;
    private readonly Complex[][] _outputs;
    private readonly double[] _energies = new double[SubBlocksPerWindow];
    private readonly double[] _powers;
    private readonly double _minTonePower;
    private readonly double _normalTwist;
    private readonly double _reverseTwist;
    private readonly double _relativePeak;
    private readonly double _signalToNoise;
    private readonly double _harmonicRejection;
    private readonly double _frequencyTolerance;
    private int _stored;
    private int _oldest;

    public DtmfToneAnalyzer(InBandDtmfDetectorOptions options)
    {
        // Filters 0-3: rows, 4-7: columns, 8-11: rows' second harmonics, 12-15: columns' second harmonics.
        Span<double> frequencies = stackalloc double[16];
        DtmfKeypad.RowFrequencies.CopyTo(frequencies);
        DtmfKeypad.ColumnFrequencies.CopyTo(frequencies[4..]);
        for (var i = 0; i < 8; i++)
        {
            frequencies[8 + i] = 2 * frequencies[i];
        }

        _bank = new GoertzelBank(frequencies, SampleRate, SubBlockLength);
        _outputs = new Complex[SubBlocksPerWindow][];
        for (var i = 0; i < SubBlocksPerWindow; i++)
        {
            _outputs[i] = new Complex[_bank.Count];
        }

        _powers = new double[_bank.Count];
        // A sine of amplitude A gives |DFT| = A·N/2 over N samples.
        var minAmplitude = ZeroDbm0Amplitude * FromDb(options.MinToneLevelDbm0 / 2);
        _minTonePower = Math.Pow(minAmplitude * WindowLength / 2, 2);
        _normalTwist = FromDb(options.MaxNormalTwistDb);
        _reverseTwist = FromDb(options.MaxReverseTwistDb);
        _relativePeak = FromDb(options.MinRelativePeakDb);
        _signalToNoise = FromDb(options.MinSignalToNoiseDb);
        _harmonicRejection = FromDb(options.MinHarmonicRejectionDb);
        _frequencyTolerance = options.MaxFrequencyDeviationPercent / 100;
    }

    /// <summary>Length of one analysis window.</summary>
    public static TimeSpan WindowDuration => TimeSpan.FromSeconds((double)WindowLength / SampleRate);

    /// <summary>How far the window moves per sub-block.</summary>
    public static TimeSpan HopDuration => TimeSpan.FromSeconds((double)SubBlockLength / SampleRate);

    /// <summary>Takes the next 5 ms of audio and judges the window that now ends with it.</summary>
    public DtmfWindowVerdict Analyze(ReadOnlySpan<short> subBlock, out char digit)
    {
        var slot = (_oldest + _stored) % SubBlocksPerWindow;
        if (_stored == SubBlocksPerWindow)
        {
            slot = _oldest;
            _oldest = (_oldest + 1) % SubBlocksPerWindow;
        }
        else
        {
            _stored++;
        }

        _bank.Analyze(subBlock, _outputs[slot]);
        _energies[slot] = Energy(subBlock);
        digit = '\0';
        if (_stored < SubBlocksPerWindow)
        {
            return DtmfWindowVerdict.Filling;
        }

        // |DFT|² never exceeds N times the window's energy (Cauchy-Schwarz), so a window this quiet cannot
        // hold a tone at the minimum level: skip the spectrum, as for most of a call's audio.
        if (WindowEnergy() * WindowLength < _minTonePower)
        {
            return DtmfWindowVerdict.TooQuiet;
        }

        ComputeWindowPowers();
        return Judge(out digit);
    }

    /// <summary>Forgets all audio (after a gap in the stream).</summary>
    public void Reset()
    {
        _stored = 0;
        _oldest = 0;
    }

    private DtmfWindowVerdict Judge(out char digit)
    {
        digit = '\0';
        var row = IndexOfMax(_powers.AsSpan(0, 4));
        var column = IndexOfMax(_powers.AsSpan(4, 4));
        var rowPower = _powers[row];
        var columnPower = _powers[4 + column];
        if (rowPower < _minTonePower || columnPower < _minTonePower)
        {
            return DtmfWindowVerdict.TooQuiet;
        }

        if (!IsEven())
        {
            return DtmfWindowVerdict.Uneven;
        }

        if (!StandsOut(_powers.AsSpan(0, 4), row) || !StandsOut(_powers.AsSpan(4, 4), column))
        {
            return DtmfWindowVerdict.NoDominantPair;
        }

        if (columnPower < rowPower ? rowPower > columnPower * _normalTwist : columnPower > rowPower * _reverseTwist)
        {
            return DtmfWindowVerdict.Twist;
        }

        if (!DominatesWindow(row, 4 + column))
        {
            return DtmfWindowVerdict.Noise;
        }

        if (!IsOnFrequency(row) || !IsOnFrequency(4 + column))
        {
            return DtmfWindowVerdict.OffFrequency;
        }

        if (_powers[8 + row] * _harmonicRejection > rowPower || _powers[12 + column] * _harmonicRejection > columnPower)
        {
            return DtmfWindowVerdict.Harmonics;
        }

        digit = DtmfKeypad.KeyAt(row, column);
        return DtmfWindowVerdict.Key;
    }

    /// <summary>
    /// The tone must be within the frequency tolerance of its key frequency (Q.24: accept ±1.5%, reject
    /// ±3.5%). Besides checking the sender, this rejects most speech: a voice harmonic inside the 20 ms filter
    /// is seldom also within a percent or two of the key frequency, in both groups at once.
    /// </summary>
    private bool IsOnFrequency(int filter)
    {
        Span<Complex> perBlock = stackalloc Complex[SubBlocksPerWindow];
        Gather(filter, perBlock);
        var offset = _bank.FrequencyOffset(filter, perBlock, SampleRate);
        return Math.Abs(offset) <= _frequencyTolerance * _bank.Frequency(filter);
    }

    private void Gather(int filter, Span<Complex> perBlock)
    {
        for (var k = 0; k < perBlock.Length; k++)
        {
            perBlock[k] = _outputs[(_oldest + k) % SubBlocksPerWindow][filter];
        }
    }

    private void ComputeWindowPowers()
    {
        Span<Complex> perBlock = stackalloc Complex[SubBlocksPerWindow];
        for (var f = 0; f < _powers.Length; f++)
        {
            Gather(f, perBlock);
            _powers[f] = _bank.CombinedPower(f, perBlock);
        }
    }

    private bool IsEven()
    {
        var mean = WindowEnergy() / SubBlocksPerWindow;
        foreach (var energy in _energies)
        {
            if (energy < MinSubBlockShareOfMean * mean)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The peak must beat every other filter of its group by the relative-peak margin.</summary>
    private bool StandsOut(ReadOnlySpan<double> group, int peak)
    {
        for (var i = 0; i < group.Length; i++)
        {
            if (i != peak && group[i] * _relativePeak > group[peak])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The two tones' energy against the rest of the window's energy. A sine's energy over N samples is
    /// 2|X|²/N, but only when it sits on the filter's frequency: a key 1.5% off (still valid, Q.24) loses up
    /// to 3.7 dB in a 20 ms filter. The energy is therefore measured over the two 10 ms halves, whose
    /// filters are twice as wide and lose under 1 dB.
    /// </summary>
    private bool DominatesWindow(int rowFilter, int columnFilter)
    {
        const int Half = SubBlocksPerWindow / 2;
        Span<Complex> perBlock = stackalloc Complex[SubBlocksPerWindow];
        double halfPowers = 0;
        foreach (var filter in (ReadOnlySpan<int>)[rowFilter, columnFilter])
        {
            Gather(filter, perBlock);
            halfPowers += _bank.CombinedPower(filter, perBlock[..Half]) + _bank.CombinedPower(filter, perBlock[Half..]);
        }

        var total = WindowEnergy();
        var toneEnergy = 2 * halfPowers / (WindowLength / 2);
        var rest = Math.Max(total - toneEnergy, 0);
        return toneEnergy >= rest * _signalToNoise;
    }

    private double WindowEnergy() => _energies[0] + _energies[1] + _energies[2] + _energies[3];

    private static int IndexOfMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static double Energy(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var sample in samples)
        {
            sum += (double)sample * sample;
        }

        return sum;
    }

    private static double FromDb(double db) => Math.Pow(10, db / 10);
}
