namespace CallCenter.Media.Tests.Dtmf.Support;

/// <summary>Synthetic 8 kHz 16-bit test audio: tones, noise, sweeps and a crude voice.</summary>
internal static class TestSignals
{
    public const int SampleRate = 8000;

    /// <summary>Peak amplitude of a 0 dBm0 sine (G.711: full scale 32636 is +3.17 dBm0).</summary>
    public static readonly double ZeroDbm0 = 32636 / Math.Pow(10, 3.17 / 20);

    public static int Samples(double milliseconds) => (int)Math.Round(milliseconds * SampleRate / 1000);

    public static double Amplitude(double dbm0) => ZeroDbm0 * Math.Pow(10, dbm0 / 20);

    /// <summary>Sum of sines, each given as (frequency Hz, level dBm0).</summary>
    public static double[] Tones(double milliseconds, params (double Frequency, double Dbm0)[] tones)
    {
        var result = new double[Samples(milliseconds)];
        foreach (var (frequency, dbm0) in tones)
        {
            var amplitude = Amplitude(dbm0);
            for (var n = 0; n < result.Length; n++)
            {
                result[n] += amplitude * Math.Sin(2 * Math.PI * frequency * n / SampleRate);
            }
        }

        return result;
    }

    /// <summary>A key's two tones, each at <paramref name="dbm0"/> (the high one shifted by <paramref name="twistDb"/>).</summary>
    public static double[] Key(char digit, double milliseconds, double dbm0 = -10, double twistDb = 0, double frequencyError = 0)
    {
        if (!CallCenter.Media.Dtmf.DtmfKeypad.TryGetFrequencies(digit, out var low, out var high))
        {
            throw new ArgumentOutOfRangeException(nameof(digit));
        }

        return Tones(milliseconds, (low * (1 + frequencyError), dbm0), (high * (1 + frequencyError), dbm0 + twistDb));
    }

    public static double[] Silence(double milliseconds) => new double[Samples(milliseconds)];

    /// <summary>Gaussian white noise with the given RMS, reproducible from the seed.</summary>
    public static double[] WhiteNoise(int length, double rms, int seed)
    {
        var random = new Random(seed);
        var result = new double[length];
        for (var n = 0; n < length; n++)
        {
            // Box-Muller.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            result[n] = rms * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return result;
    }

    /// <summary>Adds white noise so that the signal's power over its non-silent part is <paramref name="snrDb"/> above the noise.</summary>
    public static double[] WithNoise(double[] signal, double snrDb, int seed)
    {
        var active = signal.Where(s => s != 0).ToArray();
        var signalPower = active.Length == 0 ? 0 : active.Sum(s => s * s) / active.Length;
        var noise = WhiteNoise(signal.Length, Math.Sqrt(signalPower / Math.Pow(10, snrDb / 10)), seed);
        return signal.Zip(noise, (s, n) => s + n).ToArray();
    }

    /// <summary>A linear frequency sweep.</summary>
    public static double[] Sweep(double fromHz, double toHz, double milliseconds, double dbm0)
    {
        var length = Samples(milliseconds);
        var amplitude = Amplitude(dbm0);
        var result = new double[length];
        double phase = 0;
        for (var n = 0; n < length; n++)
        {
            var frequency = fromHz + ((toHz - fromHz) * n / length);
            phase += 2 * Math.PI * frequency / SampleRate;
            result[n] = amplitude * Math.Sin(phase);
        }

        return result;
    }

    /// <summary>
    /// A crude sustained vowel: a glottal pulse train (pitch with slow vibrato and cycle-to-cycle jitter)
    /// through second-order formant resonators, scaled to <paramref name="dbm0"/> RMS.
    /// </summary>
    public static double[] Vowel(double pitchHz, double[] formantsHz, double milliseconds, double dbm0, int seed)
    {
        var length = Samples(milliseconds);
        var random = new Random(seed);
        var excitation = new double[length];
        double nextPulse = 0;
        for (var n = 0; n < length; n++)
        {
            if (n >= nextPulse)
            {
                excitation[n] = 1;
                var pitch = pitchHz * (1 + (0.03 * Math.Sin(2 * Math.PI * 5 * n / SampleRate)) + (0.01 * (random.NextDouble() - 0.5)));
                nextPulse += SampleRate / pitch;
            }
        }

        var voice = excitation;
        foreach (var formant in formantsHz)
        {
            voice = Resonate(voice, formant, bandwidthHz: 80);
        }

        return ScaleToRms(voice, Amplitude(dbm0) / Math.Sqrt(2));
    }

    public static double[] ScaleToRms(double[] signal, double rms)
    {
        var current = Math.Sqrt(signal.Sum(s => s * s) / signal.Length);
        return signal.Select(s => s * rms / current).ToArray();
    }

    public static double[] Concat(params double[][] parts) => parts.SelectMany(p => p).ToArray();

    public static double[] Mix(double[] a, double[] b) =>
        Enumerable.Range(0, Math.Max(a.Length, b.Length)).Select(i => (i < a.Length ? a[i] : 0) + (i < b.Length ? b[i] : 0)).ToArray();

    public static short[] ToPcm(double[] signal) =>
        signal.Select(s => (short)Math.Clamp(Math.Round(s), short.MinValue, short.MaxValue)).ToArray();

    /// <summary>Passes PCM through G.711 μ-law companding (encode and decode), as audio from a phone would.</summary>
    public static short[] ThroughMuLaw(short[] pcm) => pcm.Select(s => MuLawDecode(MuLawEncode(s))).ToArray();

    private static double[] Resonate(double[] input, double frequencyHz, double bandwidthHz)
    {
        var r = Math.Exp(-Math.PI * bandwidthHz / SampleRate);
        var a1 = 2 * r * Math.Cos(2 * Math.PI * frequencyHz / SampleRate);
        var a2 = -r * r;
        var output = new double[input.Length];
        for (var n = 0; n < input.Length; n++)
        {
            output[n] = input[n] + (a1 * (n > 0 ? output[n - 1] : 0)) + (a2 * (n > 1 ? output[n - 2] : 0));
        }

        return output;
    }

    // Textbook G.711 μ-law (bias 0x84, 8 segments), kept here so these tests do not depend on the G711 folder.
    private static byte MuLawEncode(short sample)
    {
        const int Bias = 0x84;
        const int Clip = 32635;
        var sign = sample < 0 ? 0x80 : 0;
        var magnitude = Math.Min(Math.Abs((int)sample), Clip) + Bias;
        var exponent = 7;
        for (var mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1)
        {
            exponent--;
        }

        var mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    private static short MuLawDecode(byte code)
    {
        var value = ~code & 0xFF;
        var magnitude = ((((value & 0x0F) << 3) + 0x84) << ((value >> 4) & 0x07)) - 0x84;
        return (short)((value & 0x80) != 0 ? -magnitude : magnitude);
    }
}
