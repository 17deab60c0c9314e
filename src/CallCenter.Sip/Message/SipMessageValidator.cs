namespace CallCenter.Sip.Message;

/// <summary>
/// Checks the header fields every element needs before it acts on a request (RFC 3261 §8.2, §16.3):
/// Via, From, To, Call-ID and CSeq present, single where they must be, and parseable; CSeq method
/// equal to the request method; the Request-URI a URI. The outcome is a status code and a reason.
/// </summary>
public static class SipMessageValidator
{
    /// <summary>A validation failure: the status to answer and a human-readable reason.</summary>
    public readonly record struct Failure(int StatusCode, string Reason);

    /// <summary>Returns null when the request may be processed, or what to answer.</summary>
    public static Failure? Validate(SipRequest request)
    {
        if (!string.Equals(request.Version, "SIP/2.0", StringComparison.OrdinalIgnoreCase))
        {
            return new Failure(505, "Version Not Supported");
        }

        if (CheckCommon(request) is { } common)
        {
            return common;
        }

        if (request.RequestUri is null)
        {
            return new Failure(400, "Bad Request-URI");
        }

        if (request.RequestUri.IsSip && request.RequestUri.Headers is not null)
        {
            // §19.1.5: the headers component is only meaningful when a URI is turned into a request; a Request-URI
            // carrying one is malformed (RFC 4475 §3.1.2.14).
            return new Failure(400, "Request-URI must not contain headers");
        }

        if (request.CSeq!.Method != request.Method)
        {
            return new Failure(400, "CSeq method does not match the request method");
        }

        if (request.Headers[KnownHeader.MaxForwards] is { } maxForwards && request.MaxForwards is null)
        {
            return new Failure(400, $"Bad Max-Forwards '{maxForwards}'");
        }

        if (request.Headers[KnownHeader.Expires] is { } expires && request.Expires is null)
        {
            return new Failure(400, $"Bad Expires '{expires}'");
        }

        if (request.Headers.Contains(KnownHeader.Contact) && !request.TryGetContacts(out _, out _, out var contactError))
        {
            return new Failure(400, "Bad " + contactError);
        }

        return null;
    }

    /// <summary>Returns null when a response may be processed, or why it must be dropped (§18.1.2).</summary>
    public static string? ValidateResponse(SipResponse response) =>
        CheckCommon(response) is { } failure ? failure.Reason : null;

    private static Failure? CheckCommon(SipMessage message)
    {
        foreach (var (id, name) in Mandatory)
        {
            var count = message.Headers.CountOf(id);
            if (count == 0)
            {
                return new Failure(400, $"Missing {name} header");
            }

            if (count > 1 && HeaderNames.IsSingleValued(id))
            {
                return new Failure(400, $"Multiple {name} headers");
            }
        }

        if (!message.TryGetVias(out var vias, out var viaError) || vias.Count == 0)
        {
            return new Failure(400, "Bad Via: " + viaError);
        }

        if (message.From is null)
        {
            return new Failure(400, "Bad From header");
        }

        if (message.To is null)
        {
            return new Failure(400, "Bad To header");
        }

        if (message.CSeq is null)
        {
            return new Failure(400, "Bad CSeq header");
        }

        if (string.IsNullOrWhiteSpace(message.CallId) || message.CallId.AsSpan().IndexOfAny(" \t") >= 0)
        {
            return new Failure(400, "Bad Call-ID header");
        }

        foreach (var id in (KnownHeader[])[KnownHeader.ContentType, KnownHeader.MaxForwards, KnownHeader.Expires])
        {
            if (message.Headers.CountOf(id) > 1)
            {
                return new Failure(400, $"Multiple {HeaderNames.Canonical(id)} headers");
            }
        }

        return null;
    }

    private static readonly (KnownHeader Id, string Name)[] Mandatory =
    [
        (KnownHeader.Via, "Via"),
        (KnownHeader.From, "From"),
        (KnownHeader.To, "To"),
        (KnownHeader.CallId, "Call-ID"),
        (KnownHeader.CSeq, "CSeq"),
    ];
}
