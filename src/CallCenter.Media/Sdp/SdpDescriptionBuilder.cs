namespace CallCenter.Media.Sdp;

/// <summary>
/// Assembles a <see cref="SessionDescription"/> line by line, enforcing the structure of RFC 4566 §5:
/// v=, o=, s= first and in that order; each single-valued line at most once per section; at least one t=
/// before the first m=; r= after a t=; only i=, c=, b=, k= and a= inside a media description; a c= for every
/// active stream; no unknown type letters (§5: such a description must be ignored as a whole).
/// The optional session-level lines are accepted in any order and written back in the RFC's order.
/// </summary>
internal sealed class SdpDescriptionBuilder
{
    private const string Header = "vos";
    private const string SessionOnly = "vosuepztr";

    private readonly HashSet<char> _seen = [];
    private readonly List<string> _emails = [];
    private readonly List<string> _phones = [];
    private readonly List<SdpBandwidth> _bandwidths = [];
    private readonly List<SdpTiming> _timings = [];
    private readonly List<SdpAttribute> _attributes = [];
    private readonly List<MediaDescription> _media = [];
    private int _count;
    private SdpOrigin? _origin;
    private string _sessionName = string.Empty;
    private string? _information;
    private string? _uri;
    private SdpConnection? _connection;
    private string? _timeZones;
    private string? _encryptionKey;
    private SdpMediaBuilder? _current;

    public static string Misplaced(char type) => SessionOnly.Contains(type)
        ? $"'{type}=' belongs to the session section and cannot follow an m= line"
        : Unknown(type);

    public SdpParseError? Add(SdpLine line)
    {
        _count++;
        if (line.Type == 'm' && _count > Header.Length && CloseMedia() is { } closeError)
        {
            return closeError;
        }

        var message = _count <= Header.Length ? AddHeader(line)
            : _current is not null && line.Type != 'm' ? _current.Add(line)
            : AddSessionLine(line);
        return message is null ? null : new SdpParseError(line.Number, message);
    }

    /// <summary>Completes the description after <paramref name="lineCount"/> lines, or reports what is missing.</summary>
    public SdpParseResult Finish(int lineCount)
    {
        if (_count < Header.Length)
        {
            return Fail(lineCount + 1, $"the description ends before its {Header[_count]}= line");
        }

        var error = CloseMedia();
        if (error is not null)
        {
            return new SdpParseResult(null, error);
        }

        if (_timings.Count == 0)
        {
            return Fail(lineCount + 1, "the description has no t= line (RFC 4566 §5 requires at least one)");
        }

        return new SdpParseResult(
            new SessionDescription
            {
                Origin = _origin!, SessionName = _sessionName, Information = _information, Uri = _uri,
                Emails = _emails.ToArray(), Phones = _phones.ToArray(), Connection = _connection,
                Bandwidths = _bandwidths.ToArray(), Timings = _timings.ToArray(), TimeZones = _timeZones,
                EncryptionKey = _encryptionKey, Attributes = _attributes.ToArray(), Media = _media.ToArray(),
            },
            null);
    }

    private static SdpParseResult Fail(int line, string message) => new(null, new SdpParseError(line, message));

    private static string Unknown(char type) =>
        $"unknown type letter '{type}=' (RFC 4566 §5: a description with an unknown type must be ignored)";

    private string? AddHeader(SdpLine line)
    {
        var expected = Header[_count - 1];
        if (line.Type != expected)
        {
            return $"expected '{expected}=' here (a description starts with v=, o=, s=) but found '{line.Type}='";
        }

        switch (expected)
        {
            case 'v':
                return SdpFieldParser.ParseVersion(line.Value);
            case 'o':
                return SdpFieldParser.ParseOrigin(line.Value, out _origin);
            default:
                // RFC 4566 §5.3 asks for a non-empty s=; an empty one is harmless and some phones send it.
                _sessionName = line.Value;
                return null;
        }
    }

    private string? AddSessionLine(SdpLine line)
    {
        switch (line.Type)
        {
            case 'v' or 'o' or 's':
                return $"'{line.Type}=' may appear only once, at the start of the description";
            case 'i':
                _information = line.Value;
                return Once('i');
            case 'u':
                _uri = line.Value;
                return Once('u');
            case 'e':
                _emails.Add(line.Value);
                return null;
            case 'p':
                _phones.Add(line.Value);
                return null;
            case 'c':
                return Once('c') ?? SdpFieldParser.ParseConnection(line.Value, out _connection);
            case 'b':
                var error = SdpFieldParser.ParseBandwidth(line.Value, out var bandwidth);
                if (bandwidth is not null)
                {
                    _bandwidths.Add(bandwidth);
                }

                return error;
            default:
                return AddTimingOrLater(line);
        }
    }

    private string? AddTimingOrLater(SdpLine line)
    {
        switch (line.Type)
        {
            case 't':
                var error = SdpFieldParser.ParseTiming(line.Value, out var timing);
                if (timing is not null)
                {
                    _timings.Add(timing);
                }

                return error;
            case 'r':
                if (_timings.Count == 0)
                {
                    return "r= must follow a t= line";
                }

                _timings[^1] = _timings[^1] with { Repeats = [.. _timings[^1].Repeats, line.Value] };
                return null;
            case 'z':
                _timeZones = line.Value;
                return Once('z');
            case 'k':
                _encryptionKey = line.Value;
                return Once('k');
            case 'a':
                return AddAttribute(line.Value);
            case 'm':
                return StartMedia(line);
            default:
                return Unknown(line.Type);
        }
    }

    private string? AddAttribute(string value)
    {
        var error = SdpAttributeParser.Parse(value, mediaLevel: false, out var attribute);
        if (error is null && attribute is DirectionAttribute && _attributes.OfType<DirectionAttribute>().Any())
        {
            error = $"a={attribute.Name} is a second direction attribute in the session section";
        }

        if (error is null)
        {
            _attributes.Add(attribute!);
        }

        return error;
    }

    private string? StartMedia(SdpLine line)
    {
        if (_timings.Count == 0)
        {
            return "m= line before any t= line (RFC 4566 §5 requires t= in the session section)";
        }

        var error = SdpMediaLineParser.Parse(line.Value, out var media);
        _current = media is null ? null : new SdpMediaBuilder(line.Number, media);
        return error;
    }

    private SdpParseError? CloseMedia()
    {
        if (_current is null)
        {
            return null;
        }

        var current = _current;
        _current = null;
        if (current.IsActive && !current.HasConnection && _connection is null)
        {
            return new SdpParseError(current.LineNumber, "the media description has no c= line and the session has none (RFC 4566 §5.7)");
        }

        _media.Add(current.Build());
        return null;
    }

    private string? Once(char type) => _seen.Add(type) ? null : $"second {type}= line in the session section";
}
