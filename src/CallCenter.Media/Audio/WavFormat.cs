using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using CallCenter.Media.G711;

namespace CallCenter.Media.Audio;

/// <summary>The fields of a WAVE <c>fmt </c> chunk that matter for prompts, and their checks.</summary>
internal readonly record struct WavFormat(int FormatTag, int Channels, long SampleRate, int BlockAlign, int BitsPerSample)
{
    private const int PcmTag = 1;
    private const int ALawTag = 6;
    private const int MuLawTag = 7;
    private const int ExtensibleTag = 0xFFFE;
    private const int BaseChunkLength = 16;
    private const int ExtensibleChunkLength = 40;

    // WAVE_FORMAT_EXTENSIBLE names the real format in a GUID whose first two bytes are the
    // classic format tag and whose last 14 bytes are fixed (KSDATAFORMAT_SUBTYPE_* family).
    private static ReadOnlySpan<byte> SubFormatGuidTail =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Reads a <c>fmt </c> chunk body; false with a reason when it is too short or its sub-format is unknown.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out WavFormat format, [NotNullWhen(false)] out string? error)
    {
        format = default;
        if (body.Length < BaseChunkLength)
        {
            error = $"the 'fmt ' chunk is {body.Length} bytes, too short to describe the audio (at least {BaseChunkLength})";
            return false;
        }

        int tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
        if (tag == ExtensibleTag)
        {
            if (body.Length < ExtensibleChunkLength)
            {
                error = $"the 'fmt ' chunk says WAVE_FORMAT_EXTENSIBLE but is only {body.Length} bytes (at least {ExtensibleChunkLength})";
                return false;
            }

            ReadOnlySpan<byte> subFormat = body.Slice(24, 16);
            if (!subFormat[2..].SequenceEqual(SubFormatGuidTail))
            {
                error = "WAVE_FORMAT_EXTENSIBLE with an unknown sub-format GUID, prompts must be 16-bit PCM, μ-law or A-law";
                return false;
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(subFormat);
        }

        format = new WavFormat(
            FormatTag: tag,
            Channels: BinaryPrimitives.ReadUInt16LittleEndian(body[2..]),
            SampleRate: BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            BlockAlign: BinaryPrimitives.ReadUInt16LittleEndian(body[12..]),
            BitsPerSample: BinaryPrimitives.ReadUInt16LittleEndian(body[14..]));
        error = null;
        return true;
    }

    /// <summary>
    /// Checks the format is one prompts may use; false with every problem found, worded for
    /// the operator ("sample rate 16000 Hz, prompts must be 8000 Hz mono").
    /// </summary>
    public bool TryGetEncoding(out WavEncoding encoding, [NotNullWhen(false)] out string? error)
    {
        var problems = new List<string>(2);
        string? encodingProblem = CheckEncoding(out encoding);
        if (encodingProblem is not null)
        {
            problems.Add($"{encodingProblem}, prompts must be 16-bit PCM, μ-law or A-law");
        }

        string? layoutProblem = CheckLayout();
        if (layoutProblem is not null)
        {
            problems.Add($"{layoutProblem}, prompts must be {G711Frame.SampleRate} Hz mono");
        }

        if (problems.Count == 0 && BlockAlign != BitsPerSample / 8)
        {
            problems.Add($"block align {BlockAlign} does not match one {BitsPerSample}-bit mono sample ({BitsPerSample / 8})");
        }

        error = problems.Count == 0 ? null : string.Join("; ", problems);
        return error is null;
    }

    private string? CheckEncoding(out WavEncoding encoding)
    {
        (encoding, int expectedBits, string name) = FormatTag switch
        {
            PcmTag => (WavEncoding.Pcm16, 16, "PCM"),
            MuLawTag => (WavEncoding.MuLaw, 8, "μ-law"),
            ALawTag => (WavEncoding.ALaw, 8, "A-law"),
            _ => (default(WavEncoding), 0, string.Empty),
        };

        if (expectedBits == 0)
        {
            return $"format tag {FormatTag} ({DescribeTag(FormatTag)})";
        }

        return BitsPerSample == expectedBits ? null : $"{BitsPerSample}-bit {name}";
    }

    private string? CheckLayout()
    {
        bool monoOk = Channels == 1;
        bool rateOk = SampleRate == G711Frame.SampleRate;
        return (monoOk, rateOk) switch
        {
            (true, true) => null,
            (true, false) => $"sample rate {SampleRate} Hz",
            (false, true) => $"{Channels} channels",
            (false, false) => $"{Channels} channels at {SampleRate} Hz",
        };
    }

    private static string DescribeTag(int tag) => tag switch
    {
        0 => "unknown",
        2 => "Microsoft ADPCM",
        3 => "IEEE float",
        0x11 => "IMA ADPCM",
        0x31 => "GSM 6.10",
        0x50 => "MPEG",
        0x55 => "MP3",
        _ => "not a supported encoding",
    };
}
