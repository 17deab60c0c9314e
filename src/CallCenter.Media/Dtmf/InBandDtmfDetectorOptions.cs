namespace CallCenter.Media.Dtmf;

/// <summary>
/// Tunables of <see cref="InBandDtmfDetector"/>. The defaults follow the usual DTMF receiver tolerances
/// (ITU-T Q.24 and common practice) and keep speech, music and test tones from being taken for keys.
/// </summary>
public sealed class InBandDtmfDetectorOptions
{
    /// <summary>Weakest tone, per frequency, that is still a key (dBm0). Quieter pairs are echo or crosstalk.</summary>
    public double MinToneLevelDbm0 { get; init; } = -33;

    /// <summary>How much weaker the high (column) tone may be than the low (row) tone: normal twist, dB.</summary>
    public double MaxNormalTwistDb { get; init; } = 8;

    /// <summary>How much stronger the high (column) tone may be than the low (row) tone: reverse twist, dB.</summary>
    public double MaxReverseTwistDb { get; init; } = 4;

    /// <summary>How much stronger each tone must be than any other frequency of its own group, dB.</summary>
    public double MinRelativePeakDb { get; init; } = 6;

    /// <summary>
    /// How much more energy the two tones must hold than everything else in the analysis window (noise,
    /// speech, other tones), dB. Speech spreads its energy over many harmonics and fails this.
    /// </summary>
    public double MinSignalToNoiseDb { get; init; } = 3;

    /// <summary>
    /// How much weaker than each tone its second harmonic must be, dB. Voiced speech is rich in harmonics;
    /// a DTMF generator is not. Kept moderate because the high tone leaks into some low-tone harmonic bins.
    /// </summary>
    public double MinHarmonicRejectionDb { get; init; } = 8;

    /// <summary>
    /// Largest accepted difference between a tone and its key frequency, percent. ITU-T Q.24 asks receivers
    /// to accept ±1.5% and reject ±3.5%; staying near the low end rejects most speech.
    /// </summary>
    public double MaxFrequencyDeviationPercent { get; init; } = 2;

    /// <summary>Shortest tone reported as a key (Q.24: 40 ms must be accepted; much shorter must not).</summary>
    public TimeSpan MinToneDuration { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// Shortest silence that separates two presses. Shorter interruptions inside a tone (about half of this)
    /// are bridged, so a press is not split in two by a brief dropout.
    /// </summary>
    public TimeSpan MinPause { get; init; } = TimeSpan.FromMilliseconds(20);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinToneLevelDbm0, 3.17, nameof(MinToneLevelDbm0));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxNormalTwistDb, nameof(MaxNormalTwistDb));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxReverseTwistDb, nameof(MaxReverseTwistDb));
        ArgumentOutOfRangeException.ThrowIfNegative(MinRelativePeakDb, nameof(MinRelativePeakDb));
        ArgumentOutOfRangeException.ThrowIfNegative(MinHarmonicRejectionDb, nameof(MinHarmonicRejectionDb));
        // Beyond ±5% a row tone could be taken for its neighbour (697 × 1.05 is half-way to 770).
        ArgumentOutOfRangeException.ThrowIfNegative(MaxFrequencyDeviationPercent, nameof(MaxFrequencyDeviationPercent));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxFrequencyDeviationPercent, 5, nameof(MaxFrequencyDeviationPercent));
        if (!double.IsFinite(MinSignalToNoiseDb))
        {
            throw new ArgumentOutOfRangeException(nameof(MinSignalToNoiseDb), MinSignalToNoiseDb, "Must be a finite number of dB.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MinToneDuration, DtmfToneAnalyzer.WindowDuration, nameof(MinToneDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinPause, DtmfToneAnalyzer.HopDuration, nameof(MinPause));
    }
}
