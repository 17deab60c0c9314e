using CallCenter.Media.Dtmf;
using static CallCenter.Media.Tests.Dtmf.Support.TestSignals;

namespace CallCenter.Media.Tests.Dtmf;

/// <summary>Each check of the window analysis, shown rejecting the signal it exists for.</summary>
public class DtmfToneAnalyzerTests
{
    [Fact]
    public void A_clean_key_passes_every_check_in_every_window()
    {
        var verdicts = Judge(Key('9', 100), out var digits);

        Assert.All(verdicts.Skip(3), v => Assert.Equal(DtmfWindowVerdict.Key, v));
        Assert.All(digits.Skip(3), d => Assert.Equal('9', d));
        Assert.All(verdicts.Take(3), v => Assert.Equal(DtmfWindowVerdict.Filling, v));
    }

    [Fact]
    public void Quiet_tones_fail_the_level_check() =>
        AssertMostly(DtmfWindowVerdict.TooQuiet, Key('9', 100, dbm0: -45));

    [Fact]
    public void A_window_where_the_tone_starts_fails_the_evenness_check()
    {
        var verdicts = Judge(Concat(Silence(10), Key('9', 10)), out _);

        Assert.Equal(DtmfWindowVerdict.Uneven, verdicts[3]);
    }

    [Fact]
    public void Two_tones_of_one_group_fail_the_relative_peak_check() =>
        AssertMostly(DtmfWindowVerdict.NoDominantPair, Tones(100, (697, -10), (770, -12), (1209, -10)));

    [Theory]
    [InlineData(-12)]
    [InlineData(8)]
    public void Unequal_tones_fail_the_twist_check(double twistDb) =>
        AssertMostly(DtmfWindowVerdict.Twist, Key('5', 100, dbm0: -15, twistDb: twistDb));

    [Fact]
    public void A_key_under_a_loud_third_tone_fails_the_signal_to_noise_check() =>
        AssertMostly(DtmfWindowVerdict.Noise, Tones(100, (770, -10), (1336, -10), (3000, -7)));

    [Fact]
    public void Tones_too_far_from_the_key_frequencies_fail_the_frequency_check() =>
        AssertMostly(DtmfWindowVerdict.OffFrequency, Key('1', 100, frequencyError: 0.028));

    [Fact]
    public void Strong_second_harmonics_fail_the_harmonic_check() =>
        AssertMostly(DtmfWindowVerdict.Harmonics, Tones(100, (697, -10), (1209, -10), (2418, -14)));

    [Fact]
    public void Reset_forgets_the_window()
    {
        var analyzer = new DtmfToneAnalyzer(new InBandDtmfDetectorOptions());
        var pcm = ToPcm(Key('9', 40));
        for (var i = 0; i < 4; i++)
        {
            analyzer.Analyze(pcm.AsSpan(i * 40, 40), out _);
        }

        analyzer.Reset();

        Assert.Equal(DtmfWindowVerdict.Filling, analyzer.Analyze(pcm.AsSpan(0, 40), out _));
    }

    private static void AssertMostly(DtmfWindowVerdict expected, double[] signal)
    {
        var verdicts = Judge(signal, out _).Skip(3).ToList();

        Assert.DoesNotContain(DtmfWindowVerdict.Key, verdicts);
        Assert.True(verdicts.Count(v => v == expected) >= verdicts.Count * 0.8, string.Join(",", verdicts));
    }

    private static List<DtmfWindowVerdict> Judge(double[] signal, out List<char> digits)
    {
        var analyzer = new DtmfToneAnalyzer(new InBandDtmfDetectorOptions());
        var pcm = ToPcm(signal);
        var verdicts = new List<DtmfWindowVerdict>();
        digits = [];
        for (var offset = 0; offset + 40 <= pcm.Length; offset += 40)
        {
            verdicts.Add(analyzer.Analyze(pcm.AsSpan(offset, 40), out var digit));
            digits.Add(digit);
        }

        return verdicts;
    }
}
