using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using CallCenter.Media.G711;

namespace CallCenter.Media.Audio;

/// <summary>
/// Reads RIFF/WAVE prompt files: 8 kHz mono 16-bit PCM, μ-law (format tag 7) or A-law (format
/// tag 6), plain or WAVE_FORMAT_EXTENSIBLE. Unknown chunks (LIST, fact, cue…) are skipped,
/// odd-sized chunks may be followed by their pad byte, and chunks may come in any order.
/// Nothing in a file makes the reader throw: every problem comes back as an
/// <see cref="AudioError"/> that names the file.
/// </summary>
public static class WavReader
{
    /// <summary>Default largest file accepted: 32 MiB, about 35 minutes of 16-bit audio.</summary>
    public const long DefaultMaxFileBytes = 32 * 1024 * 1024;

    private const int RiffHeaderLength = 12;
    private const int ChunkHeaderLength = 8;

    /// <summary>Reads and checks the file at <paramref name="path"/>; errors name it as given.</summary>
    /// <param name="path">The file; also the source named in errors.</param>
    /// <param name="maxFileBytes">Larger files are refused without being read.</param>
    public static WavReadResult ReadFile(string path, long maxFileBytes = DefaultMaxFileBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return WavReadResult.Fail(path, "file not found");
            }

            if (info.Length > maxFileBytes)
            {
                return WavReadResult.Fail(path, $"file is {info.Length} bytes, more than the {maxFileBytes}-byte limit for a prompt");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return WavReadResult.Fail(path, $"cannot read the file: {ex.Message}");
        }

        return Read(bytes, path);
    }

    /// <summary>Reads and checks a whole WAV file held in memory.</summary>
    /// <param name="file">The file's bytes.</param>
    /// <param name="source">Names the file in errors.</param>
    public static WavReadResult Read(ReadOnlySpan<byte> file, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        string? headerError = CheckRiffHeader(file);
        if (headerError is not null)
        {
            return WavReadResult.Fail(source, headerError);
        }

        if (!TryFindChunks(file, out ReadOnlySpan<byte> fmtBody, out ReadOnlySpan<byte> data, out string? chunkError))
        {
            return WavReadResult.Fail(source, chunkError);
        }

        if (!WavFormat.TryParse(fmtBody, out WavFormat format, out string? formatError))
        {
            return WavReadResult.Fail(source, formatError);
        }

        if (!format.TryGetEncoding(out WavEncoding encoding, out string? encodingError))
        {
            return WavReadResult.Fail(source, encodingError);
        }

        if (data.IsEmpty)
        {
            return WavReadResult.Fail(source, "the 'data' chunk is empty, there is no audio");
        }

        if (data.Length % format.BlockAlign != 0)
        {
            return WavReadResult.Fail(source, $"the 'data' chunk is {data.Length} bytes, not a whole number of {format.BlockAlign}-byte samples");
        }

        return WavReadResult.Ok(new WavAudio(encoding, DecodeSamples(encoding, data)));
    }

    private static string? CheckRiffHeader(ReadOnlySpan<byte> file)
    {
        if (file.Length < RiffHeaderLength)
        {
            return $"not a WAV file: {file.Length} bytes is too short for a RIFF header";
        }

        ReadOnlySpan<byte> id = file[..4];
        if (id.SequenceEqual("RIFX"u8))
        {
            return "big-endian RIFX files are not supported, convert to a little-endian RIFF WAV";
        }

        if (id.SequenceEqual("RF64"u8))
        {
            return "RF64 files are not supported, prompts must be plain RIFF WAV";
        }

        if (!id.SequenceEqual("RIFF"u8))
        {
            return "not a WAV file: it does not start with 'RIFF'";
        }

        ReadOnlySpan<byte> form = file.Slice(8, 4);
        return form.SequenceEqual("WAVE"u8) ? null : $"a RIFF file of form '{ChunkName(form)}', not 'WAVE'";
    }

    /// <summary>
    /// Walks the chunks after the RIFF header and finds the <c>fmt </c> and <c>data</c> bodies.
    /// </summary>
    private static bool TryFindChunks(
        ReadOnlySpan<byte> file, out ReadOnlySpan<byte> fmtBody, out ReadOnlySpan<byte> data, [NotNullWhen(false)] out string? error)
    {
        fmtBody = default;
        data = default;
        bool haveFmt = false;
        bool haveData = false;
        string? stoppedBy = null;

        // Chunks start inside the RIFF size the header declares (trailing bytes past it are not
        // part of the file), but writers often get that size wrong (0, 0xFFFFFFFF when streaming),
        // so a size too small for one chunk or past the end of the file means "to the end of the
        // file", and chunk bodies may always run to the end of the file.
        long riffEnd = ChunkHeaderLength + (long)BinaryPrimitives.ReadUInt32LittleEndian(file[4..]);
        bool riffSizeUsable = riffEnd >= RiffHeaderLength + ChunkHeaderLength && riffEnd <= file.Length;
        long chunkStartLimit = riffSizeUsable ? riffEnd : file.Length;

        long position = RiffHeaderLength;
        while (chunkStartLimit - position >= ChunkHeaderLength)
        {
            ReadOnlySpan<byte> id = file.Slice((int)position, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(file[((int)position + 4)..]);
            long bodyStart = position + ChunkHeaderLength;
            long available = file.Length - bodyStart;
            bool isData = id.SequenceEqual("data"u8);
            bool isFmt = id.SequenceEqual("fmt "u8);

            if (size > available)
            {
                if (isData)
                {
                    error = $"the 'data' chunk is truncated: its header says {size} bytes but only {available} follow";
                    return false;
                }

                // Nothing after a broken chunk can be found; what was found so far may suffice.
                stoppedBy = $"the '{ChunkName(id)}' chunk at byte {position} is truncated";
                break;
            }

            ReadOnlySpan<byte> body = file.Slice((int)bodyStart, (int)size);
            if (isFmt || isData)
            {
                if (isFmt ? haveFmt : haveData)
                {
                    error = $"more than one '{ChunkName(id)}' chunk";
                    return false;
                }

                if (isFmt)
                {
                    fmtBody = body;
                    haveFmt = true;
                }
                else
                {
                    data = body;
                    haveData = true;
                }
            }

            // RIFF pads every odd-sized chunk to an even length; a missing final pad byte is harmless.
            position = bodyStart + size + (size & 1);
        }

        error = (haveFmt, haveData) switch
        {
            (true, true) => null,
            (false, true) => "no 'fmt ' chunk, the audio format is unknown",
            (true, false) => "no 'data' chunk, there is no audio",
            (false, false) => "no 'fmt ' or 'data' chunk",
        };
        if (error is not null && stoppedBy is not null)
        {
            error = $"{error} ({stoppedBy})";
        }

        return error is null;
    }

    private static short[] DecodeSamples(WavEncoding encoding, ReadOnlySpan<byte> data)
    {
        switch (encoding)
        {
            case WavEncoding.MuLaw:
            {
                var samples = new short[data.Length];
                MuLaw.Decode(data, samples);
                return samples;
            }

            case WavEncoding.ALaw:
            {
                var samples = new short[data.Length];
                ALaw.Decode(data, samples);
                return samples;
            }

            default:
            {
                var samples = new short[data.Length / 2];
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]);
                }

                return samples;
            }
        }
    }

    /// <summary>A chunk identifier fit for a message: printable ASCII kept, anything else shown as '?'.</summary>
    private static string ChunkName(ReadOnlySpan<byte> id)
    {
        Span<char> name = stackalloc char[id.Length];
        for (int i = 0; i < id.Length; i++)
        {
            name[i] = id[i] is >= 0x20 and <= 0x7E ? (char)id[i] : '?';
        }

        return new string(name);
    }
}
