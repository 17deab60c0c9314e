using CallCenter.Media.G711;

namespace CallCenter.Media.Audio;

/// <summary>
/// Low-level white noise to send instead of digital silence, so that a caller waiting between
/// prompts hears a live line rather than a dead one. Deterministic: the same seed always gives
/// the same samples. Not thread-safe (it carries generator state); use one per call, or render a
/// second of it once into a <see cref="Prompt"/> and loop that for every call.
/// </summary>
public sealed class ComfortNoiseGenerator
{
    /// <summary>Default level, −70 dBov: audible only on a quiet line.</summary>
    public const double DefaultLevelDbov = -70;

    /// <summary>Quietest level; the RTP comfort-noise payload spans 0 to −127 dBov (RFC 3389 §3.1).</summary>
    public const double MinLevelDbov = -127;

    // RFC 3389 §3.1 measures levels against the overload point of the system; for 16-bit
    // linear PCM that is a full-scale square wave, whose RMS is full scale itself.
    private const double FullScale = short.MaxValue;

    // Each sample is the sum of four uniform 16-bit values (a near-Gaussian shape); that sum has
    // an RMS of 65536 × √(4/12).
    private const double SumRms = 37837.23;

    private readonly float _gain;
    private uint _state;

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">Any value; equal seeds give equal noise.</param>
    /// <param name="levelDbov">RMS level, from 0 down to −127 dBov.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="levelDbov"/> is outside 0 to −127 or not a number.</exception>
    public ComfortNoiseGenerator(int seed, double levelDbov = DefaultLevelDbov)
    {
        if (!(levelDbov is >= MinLevelDbov and <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(levelDbov), levelDbov, "The level must be between 0 and -127 dBov.");
        }

        LevelDbov = levelDbov;
        _gain = (float)(FullScale * Math.Pow(10, levelDbov / 20) / SumRms);
        _state = MixSeed(seed);
    }

    /// <summary>The RMS level the noise is generated at.</summary>
    public double LevelDbov { get; }

    /// <summary>Fills <paramref name="samples"/> with the next noise samples (16-bit linear PCM).</summary>
    public void Fill(Span<short> samples)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            int sum = NextHalf() + NextHalf() + NextHalf() + NextHalf();
            samples[i] = (short)Math.Clamp(MathF.Round(sum * _gain), short.MinValue, short.MaxValue);
        }
    }

    /// <summary>Fills <paramref name="frame"/> with the next <c>frame.Length</c> noise samples encoded in <paramref name="law"/>.</summary>
    public void NextFrame(G711Law law, Span<byte> frame)
    {
        Span<short> samples = stackalloc short[G711Frame.SamplesPerFrame];
        while (!frame.IsEmpty)
        {
            Span<short> chunk = samples[..Math.Min(samples.Length, frame.Length)];
            Fill(chunk);
            G711Codec.Encode(law, chunk, frame);
            frame = frame[chunk.Length..];
        }
    }

    /// <summary>A uniform value in −32768..32767 from a xorshift32 generator (Marsaglia, 2003).</summary>
    private int NextHalf()
    {
        uint x = _state;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _state = x;
        return (int)(x >> 16) - 32768;
    }

    /// <summary>Spreads the seed's bits (a SplitMix-style finaliser) and avoids xorshift's all-zero state.</summary>
    private static uint MixSeed(int seed)
    {
        uint z = (uint)seed + 0x9E3779B9u;
        z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
        z = (z ^ (z >> 13)) * 0xC2B2AE35u;
        z ^= z >> 16;
        return z == 0 ? 0x6D2B79F5u : z;
    }
}
