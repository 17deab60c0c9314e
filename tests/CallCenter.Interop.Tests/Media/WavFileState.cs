using System.Buffers.Binary;

namespace CallCenter.Interop.Tests.Media;

/// <summary>
/// Whether a WAV file another process records is finished. Recorders (libsndfile, behind baresip's sndfile module)
/// write the RIFF header's sizes when they close the file, so until then the header does not describe the file.
/// </summary>
public static class WavFileState
{
    private const int RiffHeaderLength = 12;

    /// <summary>
    /// True when <paramref name="header"/> (the start of a file of <paramref name="fileLength"/> bytes) is a RIFF/WAVE
    /// header whose chunk size covers the whole file (RIFF size = file length − 8) and the file holds more than a header.
    /// </summary>
    public static bool IsComplete(ReadOnlySpan<byte> header, long fileLength)
    {
        if (header.Length < RiffHeaderLength || fileLength <= 44
            || !header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
        {
            return false;
        }

        return BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) == fileLength - 8;
    }

    /// <summary><see cref="IsComplete(ReadOnlySpan{byte}, long)"/> for a file on disk; false when it cannot be read.</summary>
    public static bool IsComplete(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[RiffHeaderLength];
            return file.ReadAtLeast(header, RiffHeaderLength, throwOnEndOfStream: false) == RiffHeaderLength
                && IsComplete(header, file.Length);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
