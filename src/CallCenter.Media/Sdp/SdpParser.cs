using System.Buffers;
using System.Text;

namespace CallCenter.Media.Sdp;

/// <summary>
/// Parses a session description (RFC 4566). It never throws on bad input: every problem becomes an
/// <see cref="SdpParseError"/> naming the line and what is wrong with it.
/// </summary>
internal static class SdpParser
{
    public static SdpParseResult Parse(string text)
    {
        var lines = new List<SdpLine>();
        var error = SdpLineReader.Read(text, lines);
        if (error is not null)
        {
            return new SdpParseResult(null, error);
        }

        var builder = new SdpDescriptionBuilder();
        foreach (var line in lines)
        {
            error = builder.Add(line);
            if (error is not null)
            {
                return new SdpParseResult(null, error);
            }
        }

        return builder.Finish(lines.Count);
    }

    /// <summary>Decodes UTF-8 strictly (RFC 4566 §5: text is UTF-8 unless a=charset says otherwise) and parses.</summary>
    public static SdpParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        var index = 0;
        while (index < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[index..], out _, out var consumed) != OperationStatus.Done)
            {
                var line = utf8[..index].Count((byte)'\n') + 1;
                return new SdpParseResult(null, new SdpParseError(line, $"invalid UTF-8 at byte {index}"));
            }

            index += consumed;
        }

        return Parse(Encoding.UTF8.GetString(utf8));
    }
}
