using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CallCenter.Media.Sdp;

/// <summary>
/// A session description (RFC 4566): the session-level lines and the media descriptions. Immutable; build
/// changed copies with <c>with</c>. <see cref="Parse(string)"/> never throws on bad input; <see cref="ToString"/>
/// writes the canonical text (CRLF line ends, RFC 4566 §5 line order) that parses back to an equal value.
/// </summary>
public sealed record SessionDescription
{
    /// <summary>The o= line.</summary>
    public required SdpOrigin Origin { get; init; }

    /// <summary>The s= line; "-" when the writer has no name to give (RFC 3264 §5).</summary>
    public string SessionName { get; init; } = "-";

    /// <summary>The i= line, when present.</summary>
    public string? Information { get; init; }

    /// <summary>The u= line, when present.</summary>
    public string? Uri { get; init; }

    /// <summary>The e= lines.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>The p= lines.</summary>
    public IReadOnlyList<string> Phones { get; init; } = [];

    /// <summary>The session-level c= line, the default for media descriptions without one.</summary>
    public SdpConnection? Connection { get; init; }

    /// <summary>The session-level b= lines.</summary>
    public IReadOnlyList<SdpBandwidth> Bandwidths { get; init; } = [];

    /// <summary>The t= lines with their r= lines; at least one is required.</summary>
    public IReadOnlyList<SdpTiming> Timings { get; init; } = [SdpTiming.Unbounded];

    /// <summary>The z= line, kept as written.</summary>
    public string? TimeZones { get; init; }

    /// <summary>The session-level k= line, kept as written.</summary>
    public string? EncryptionKey { get; init; }

    /// <summary>The session-level a= lines in their order.</summary>
    public IReadOnlyList<SdpAttribute> Attributes { get; init; } = [];

    /// <summary>The media descriptions (m= sections) in order.</summary>
    public IReadOnlyList<MediaDescription> Media { get; init; } = [];

    /// <summary>The session-level direction attribute, or null when there is none.</summary>
    public SdpDirection? Direction => Attributes.OfType<DirectionAttribute>().FirstOrDefault()?.Direction;

    /// <summary>The direction of <paramref name="media"/>: its own attribute, else the session's, else sendrecv (RFC 3264 §5.1).</summary>
    public SdpDirection DirectionOf(MediaDescription media) => media.Direction ?? Direction ?? SdpDirection.SendRecv;

    /// <summary>The connection of <paramref name="media"/>: its own c=, else the session's.</summary>
    public SdpConnection? ConnectionOf(MediaDescription media) => media.Connection ?? Connection;

    /// <summary>Parses SDP text. Lines end in CRLF; a bare LF is tolerated. Never throws on bad input.</summary>
    public static SdpParseResult Parse(string text) => SdpParser.Parse(text);

    /// <summary>Parses a UTF-8 body (the charset RFC 4566 §5.13 makes the default). Never throws on bad input.</summary>
    public static SdpParseResult Parse(ReadOnlySpan<byte> utf8) => SdpParser.Parse(utf8);

    /// <summary>Parses SDP text, returning false with the error when it is not a valid description.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SessionDescription? description, [NotNullWhen(false)] out SdpParseError? error)
    {
        var result = SdpParser.Parse(text);
        description = result.Description;
        error = result.Error;
        return result.Success;
    }

    /// <summary>The description as SDP text with CRLF line ends.</summary>
    /// <exception cref="ArgumentException">A field holds text that cannot be written on one line.</exception>
    public override string ToString() => SdpSerializer.Serialize(this);

    /// <summary>The description as UTF-8 bytes, ready to be a SIP body.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    /// <summary>Value equality over every field, lists element by element.</summary>
    public bool Equals(SessionDescription? other) =>
        other is not null
        && Origin == other.Origin && SessionName == other.SessionName && Information == other.Information && Uri == other.Uri
        && Emails.SequenceEqual(other.Emails) && Phones.SequenceEqual(other.Phones) && Equals(Connection, other.Connection)
        && Bandwidths.SequenceEqual(other.Bandwidths) && Timings.SequenceEqual(other.Timings)
        && TimeZones == other.TimeZones && EncryptionKey == other.EncryptionKey
        && Attributes.SequenceEqual(other.Attributes) && Media.SequenceEqual(other.Media);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Origin, SessionName, Media.Count, Attributes.Count);
}
