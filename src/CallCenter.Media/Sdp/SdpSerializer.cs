using System.Text;

namespace CallCenter.Media.Sdp;

/// <summary>
/// Writes a <see cref="SessionDescription"/> as SDP text: the lines in the order RFC 4566 §5 prescribes, each
/// ended by CRLF. Attributes keep their order, unknown ones included.
/// </summary>
internal static class SdpSerializer
{
    public static string Serialize(SessionDescription description)
    {
        var text = new StringBuilder(512);
        Line(text, 'v', "0");
        Line(text, 'o', description.Origin.ToString());
        Line(text, 's', description.SessionName);
        Optional(text, 'i', description.Information);
        Optional(text, 'u', description.Uri);
        Each(text, 'e', description.Emails);
        Each(text, 'p', description.Phones);
        Optional(text, 'c', description.Connection?.ToString());
        Each(text, 'b', description.Bandwidths);
        foreach (var timing in description.Timings)
        {
            Line(text, 't', timing.ToString());
            Each(text, 'r', timing.Repeats);
        }

        Optional(text, 'z', description.TimeZones);
        Optional(text, 'k', description.EncryptionKey);
        Each(text, 'a', description.Attributes);
        foreach (var media in description.Media)
        {
            WriteMedia(text, media);
        }

        return text.ToString();
    }

    private static void WriteMedia(StringBuilder text, MediaDescription media)
    {
        Line(text, 'm', media.MediaLine);
        Optional(text, 'i', media.Information);
        Optional(text, 'c', media.Connection?.ToString());
        Each(text, 'b', media.Bandwidths);
        Optional(text, 'k', media.EncryptionKey);
        Each(text, 'a', media.Attributes);
    }

    private static void Each<T>(StringBuilder text, char type, IEnumerable<T> values)
    {
        foreach (var value in values)
        {
            Line(text, type, value!.ToString()!);
        }
    }

    private static void Optional(StringBuilder text, char type, string? value)
    {
        if (value is not null)
        {
            Line(text, type, value);
        }
    }

    private static void Line(StringBuilder text, char type, string value)
    {
        if (SdpSyntax.BreaksLine(value))
        {
            throw new ArgumentException($"The {type}= value contains CR, LF or NUL and cannot be written as one SDP line.", nameof(value));
        }

        text.Append(type).Append('=').Append(value).Append("\r\n");
    }
}
