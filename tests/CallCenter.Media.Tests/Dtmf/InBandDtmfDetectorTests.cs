using CallCenter.Media.Dtmf;
using CallCenter.Media.Tests.Dtmf.Support;
using static CallCenter.Media.Tests.Dtmf.Support.TestSignals;

namespace CallCenter.Media.Tests.Dtmf;

public class InBandDtmfDetectorTests
{
    public static TheoryData<char> AllKeys => new(DtmfDigits.All.ToCharArray());

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void Every_key_is_detected_once_with_its_timing(char digit)
    {
        var events = DetectorRun.Detect(Concat(Silence(100), Key(digit, 100), Silence(100)));

        var press = Assert.Single(events);
        Assert.Equal(digit, press.Digit);
        Assert.Equal(DtmfMethod.InBand, press.Method);
        Assert.InRange((press.StartTime - DetectorRun.Origin).TotalMilliseconds, 95, 105);
        Assert.InRange(press.Duration.TotalMilliseconds, 95, 105);
        Assert.Null(press.Volume);
    }

    [Theory]
    [InlineData(30, 1)]
    [InlineData(20, 2)]
    [InlineData(12, 3)]
    [InlineData(6, 4)]
    public void Keys_in_white_noise_are_detected(double snrDb, int seed)
    {
        var signal = WithNoise(Concat(Silence(100), Key('5', 80), Silence(100), Key('#', 80), Silence(100)), snrDb, seed);

        Assert.Equal("5#", DetectorRun.Digits(DetectorRun.Detect(signal)));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(-3, 6)]
    [InlineData(-6, 7)]
    public void Keys_buried_in_noise_are_not_taken(double snrDb, int seed)
    {
        var signal = WithNoise(Concat(Silence(100), Key('9', 200), Silence(100)), snrDb, seed);

        Assert.Empty(DetectorRun.Detect(signal));
    }

    [Fact]
    public void White_noise_alone_never_triggers()
    {
        var noise = WhiteNoise(Samples(5000), Amplitude(-10), seed: 11);

        Assert.Empty(DetectorRun.Detect(noise));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(20)]
    [InlineData(27)]
    [InlineData(33)]
    public void A_30_ms_tone_is_too_short(int offsetSamples)
    {
        var signal = Concat(new double[offsetSamples], Silence(100), Key('1', 30), Silence(100));

        Assert.Empty(DetectorRun.Detect(signal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(20)]
    [InlineData(27)]
    [InlineData(33)]
    public void A_40_ms_tone_is_long_enough(int offsetSamples)
    {
        var signal = Concat(new double[offsetSamples], Silence(100), Key('1', 40), Silence(100));

        var press = Assert.Single(DetectorRun.Detect(signal));
        Assert.InRange(press.Duration.TotalMilliseconds, 35, 45);
    }

    [Fact]
    public void Two_different_keys_in_a_row_are_two_presses()
    {
        var events = DetectorRun.Detect(Concat(Silence(50), Key('1', 80), Silence(60), Key('2', 80)));

        Assert.Equal("12", DetectorRun.Digits(events));
        Assert.InRange((events[1].StartTime - events[0].StartTime).TotalMilliseconds, 135, 145);
    }

    [Fact]
    public void The_same_key_twice_with_a_pause_is_two_presses()
    {
        Assert.Equal("77", DetectorRun.Digits(DetectorRun.Detect(Concat(Silence(50), Key('7', 60), Silence(40), Key('7', 60)))));
    }

    [Fact]
    public void A_brief_dropout_inside_a_tone_does_not_split_the_press()
    {
        var events = DetectorRun.Detect(Concat(Silence(50), Key('4', 100), Silence(5), Key('4', 100)));

        var press = Assert.Single(events);
        Assert.InRange(press.Duration.TotalMilliseconds, 200, 210);
    }

    [Fact]
    public void A_fast_dialler_sequence_is_read_completely()
    {
        // 50 ms on, 50 ms off: the fastest rate ITU-T Q.24 receivers must follow.
        var parts = "0123456789*#ABCD".SelectMany(d => new[] { Key(d, 50), Silence(50) }).ToArray();

        Assert.Equal("0123456789*#ABCD", DetectorRun.Digits(DetectorRun.Detect(Concat(parts))));
    }

    [Fact]
    public void Companded_mu_law_audio_is_read()
    {
        var pcm = ThroughMuLaw(ToPcm(Concat(Silence(100), Key('3', 80, dbm0: -20), Silence(60), Key('D', 80, dbm0: -7), Silence(200))));

        Assert.Equal("3D", DetectorRun.Digits(DetectorRun.Detect(pcm)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(80)]
    [InlineData(240)]
    [InlineData(1000)]
    public void Frame_length_does_not_change_the_result(int frameLength)
    {
        var events = DetectorRun.Detect(Concat(Silence(33), Key('8', 70), Silence(70), Key('*', 90)), frameLength);

        Assert.Equal("8*", DetectorRun.Digits(events));
        Assert.InRange((events[0].StartTime - DetectorRun.Origin).TotalMilliseconds, 28, 38);
    }

    [Theory]
    [InlineData(0.015)]
    [InlineData(-0.015)]
    public void Frequencies_off_by_one_and_a_half_percent_are_accepted(double error)
    {
        Assert.Equal("6", DetectorRun.Digits(DetectorRun.Detect(Concat(Silence(50), Key('6', 80, frequencyError: error)))));
    }

    [Theory]
    [InlineData(0.035)]
    [InlineData(-0.035)]
    public void Frequencies_off_by_three_and_a_half_percent_are_rejected(double error)
    {
        Assert.Empty(DetectorRun.Detect(Concat(Silence(50), Key('6', 80, frequencyError: error))));
    }

    [Theory]
    [InlineData(-6, true)]
    [InlineData(-11, false)]
    [InlineData(3, true)]
    [InlineData(7, false)]
    public void Twist_is_limited_both_ways(double highMinusLowDb, bool accepted)
    {
        var events = DetectorRun.Detect(Concat(Silence(50), Key('2', 100, dbm0: -12, twistDb: highMinusLowDb)));

        Assert.Equal(accepted ? "2" : string.Empty, DetectorRun.Digits(events));
    }

    [Theory]
    [InlineData(-28, true)]
    [InlineData(-40, false)]
    public void Tones_below_the_minimum_level_are_ignored(double dbm0, bool accepted)
    {
        var events = DetectorRun.Detect(Concat(Silence(50), Key('0', 100, dbm0)));

        Assert.Equal(accepted ? "0" : string.Empty, DetectorRun.Digits(events));
    }

    [Fact]
    public void A_1004_Hz_test_tone_does_not_trigger()
    {
        Assert.Empty(DetectorRun.Detect(Tones(3000, (1004, 0))));
    }

    [Fact]
    public void A_1004_Hz_test_tone_over_a_quiet_row_tone_does_not_trigger()
    {
        Assert.Empty(DetectorRun.Detect(Tones(2000, (1004, -10), (697, -12))));
    }

    [Fact]
    public void Sweeps_across_the_band_do_not_trigger()
    {
        var signal = Concat(Sweep(300, 3400, 2000, -6), Sweep(3400, 300, 500, -6), Sweep(600, 1700, 300, -6));

        Assert.Empty(DetectorRun.Detect(signal));
    }

    [Theory]
    [InlineData(100, new double[] { 730, 1090, 2440 })]
    [InlineData(120, new double[] { 700, 1220, 2600 })]
    [InlineData(140, new double[] { 850, 1480, 2500 })]
    [InlineData(210, new double[] { 940, 1340, 2800 })]
    [InlineData(230, new double[] { 770, 1630, 2900 })]
    public void Voiced_speech_with_formants_on_key_frequencies_does_not_trigger(double pitchHz, double[] formants)
    {
        Assert.Empty(DetectorRun.Detect(Vowel(pitchHz, formants, 3000, dbm0: -12, seed: (int)pitchHz)));
    }

    [Fact]
    public void Two_tones_of_the_same_group_are_not_a_key()
    {
        Assert.Empty(DetectorRun.Detect(Tones(500, (697, -10), (770, -10), (1209, -10))));
        Assert.Empty(DetectorRun.Detect(Tones(500, (852, -10), (1336, -10), (1477, -10))));
    }

    [Fact]
    public void A_key_with_strong_second_harmonics_is_rejected()
    {
        Assert.Empty(DetectorRun.Detect(Tones(500, (697, -10), (1209, -10), (1394, -14), (2418, -14))));
    }

    [Fact]
    public void Flush_reports_a_key_still_sounding()
    {
        var detector = new InBandDtmfDetector();
        var pcm = ToPcm(Key('B', 120));

        Assert.Empty(detector.Process(pcm, DetectorRun.Origin));
        Assert.Equal('B', detector.ActiveDigit);
        var press = Assert.Single(detector.Flush());
        Assert.Equal('B', press.Digit);
        Assert.Null(detector.ActiveDigit);
    }

    [Fact]
    public void Active_digit_is_known_before_the_key_is_released()
    {
        var detector = new InBandDtmfDetector();
        detector.Process(ToPcm(Silence(40)), DetectorRun.Origin);
        Assert.Null(detector.ActiveDigit);

        detector.Process(ToPcm(Key('C', 60)), DetectorRun.Origin.AddMilliseconds(40));
        Assert.Equal('C', detector.ActiveDigit);

        var ended = detector.Process(ToPcm(Silence(60)), DetectorRun.Origin.AddMilliseconds(100));
        Assert.Equal('C', Assert.Single(ended).Digit);
        Assert.Null(detector.ActiveDigit);
    }

    [Fact]
    public void Reset_forgets_a_key_in_progress()
    {
        var detector = new InBandDtmfDetector();
        detector.Process(ToPcm(Key('5', 100)), DetectorRun.Origin);
        detector.Reset();

        Assert.Empty(detector.Process(ToPcm(Silence(100)), DetectorRun.Origin.AddMilliseconds(100)));
        Assert.Empty(detector.Flush());
    }

    [Fact]
    public void Longer_minimum_duration_rejects_shorter_tones()
    {
        var options = new InBandDtmfDetectorOptions { MinToneDuration = TimeSpan.FromMilliseconds(70) };

        Assert.Empty(DetectorRun.Detect(Concat(Silence(50), Key('1', 55)), options: options));
        Assert.Single(DetectorRun.Detect(Concat(Silence(50), Key('1', 80)), options: options));
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InBandDtmfDetector(new InBandDtmfDetectorOptions { MinToneDuration = TimeSpan.FromMilliseconds(10) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InBandDtmfDetector(new InBandDtmfDetectorOptions { MinPause = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InBandDtmfDetector(new InBandDtmfDetectorOptions { MaxNormalTwistDb = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InBandDtmfDetector(new InBandDtmfDetectorOptions { MinSignalToNoiseDb = double.NaN }));
    }
}
