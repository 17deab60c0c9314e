using System.Buffers.Binary;
using System.Text;

namespace CallCenter.Media.Tests.Audio;

/// <summary>Builds WAV files byte by byte for the reader tests, including broken ones.</summary>
internal sealed class WavBuilder
{
    private readonly List<(string Id, byte[] Body, bool Pad)> _chunks = [];

    public uint? RiffSizeOverride { get; set; }

    public string RiffId { get; set; } = "RIFF";

    public string FormType { get; set; } = "WAVE";

    public static byte[] Pcm16(params short[] samples) => new WavBuilder().Fmt(1, 1, 8000, 16).Data(ToBytes(samples)).Build();

    public static byte[] ToBytes(ReadOnlySpan<short> samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), samples[i]);
        }

        return bytes;
    }

    public WavBuilder Fmt(int formatTag, int channels, int sampleRate, int bitsPerSample, int? blockAlign = null)
    {
        byte[] body = new byte[16];
        int align = blockAlign ?? (channels * bitsPerSample / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)formatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)(sampleRate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bitsPerSample);
        return Chunk("fmt ", body);
    }

    /// <summary>A WAVE_FORMAT_EXTENSIBLE fmt chunk whose sub-format GUID carries <paramref name="subFormatTag"/>.</summary>
    public WavBuilder ExtensibleFmt(int subFormatTag, int bitsPerSample, bool standardGuid = true)
    {
        byte[] body = new byte[40];
        int align = bitsPerSample / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(body, 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), 8000);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)(8000 * align));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bitsPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), (ushort)bitsPerSample);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), 4); // channel mask: front centre
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(24), (uint)subFormatTag);
        byte[] tail = [0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        if (!standardGuid)
        {
            tail[^1] ^= 0xFF;
        }

        tail.CopyTo(body.AsSpan(28));
        return Chunk("fmt ", body);
    }

    public WavBuilder Data(byte[] body, bool pad = true) => Chunk("data", body, pad);

    public WavBuilder Chunk(string id, byte[] body, bool pad = true)
    {
        _chunks.Add((id, body, pad));
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        foreach ((string id, byte[] body, bool pad) in _chunks)
        {
            stream.Write(Encoding.ASCII.GetBytes(id));
            stream.Write(LittleEndian((uint)body.Length));
            stream.Write(body);
            if (pad && body.Length % 2 == 1)
            {
                stream.WriteByte(0);
            }
        }

        byte[] chunks = stream.ToArray();
        byte[] file = new byte[12 + chunks.Length];
        Encoding.ASCII.GetBytes(RiffId).CopyTo(file, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), RiffSizeOverride ?? (uint)(4 + chunks.Length));
        Encoding.ASCII.GetBytes(FormType).CopyTo(file, 8);
        chunks.CopyTo(file, 12);
        return file;
    }

    private static byte[] LittleEndian(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
