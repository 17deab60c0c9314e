namespace CallCenter.Sip.Message;

/// <summary>
/// Checks the header fields every element needs before it acts on a request (RFC 3261 §8.2, §16.3):
/// Via, From, To, Call-ID and CSeq present, single where they must be, and parseable; CSeq method
/// equal to the request method; the Request-URI a URI. The outcome is a status code and a reason.
/// What a UAS decides from the method, extensions and body (405, 501, 416, 420, 415…) is left to
/// <c>CallCenter.Sip.Core.UasRequestChecks</c>, which runs on requests that passed this validator.
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

        return CheckRequestUri(request) ?? CheckRequestHeaders(request);
    }

    /// <summary>
    /// Returns null when a response may be processed, or why it must be dropped (§18.1.2). We only ever receive
    /// responses as a UAC (the B2BUA's outgoing legs), so a response with more than one Via is discarded
    /// (§8.1.3.3; RFC 4475 §3.3.10 relies on this to neutralise a broadcast Via).
    /// </summary>
    public static string? ValidateResponse(SipResponse response)
    {
        if (!string.Equals(response.Version, "SIP/2.0", StringComparison.OrdinalIgnoreCase))
        {
            return $"unsupported version {response.Version}";
        }

        if (CheckCommon(response) is { } failure)
        {
            return failure.Reason;
        }

        return response.Vias.Count > 1 ? "a response to a UAC must carry exactly one Via (RFC 3261 §8.1.3.3)" : null;
    }

    private static Failure? CheckRequestUri(SipRequest request)
    {
        if (request.RequestUri is not { } uri)
        {
            // Parse again only to learn why: the cached view keeps no error text.
            SipUri.TryParse(request.RequestUriText, out _, out var uriError);
            return new Failure(400, $"Bad Request-URI: {uriError}");
        }

        if (uri.IsSip && uri.Headers is not null)
        {
            // §19.1.5: the headers component is only meaningful when a URI is turned into a request; a Request-URI
            // carrying one is malformed (RFC 4475 §3.1.2.11).
            return new Failure(400, "Request-URI must not contain headers");
        }

        return null;
    }

    private static Failure? CheckRequestHeaders(SipRequest request)
    {
        // RFC 4475 §3.1.2.18: an unknown method is best answered 501 even when CSeq disagrees, so the mismatch is
        // only an error for methods we recognise; UasRequestChecks answers the others with 501.
        if (request.CSeq!.Method != request.Method && SipMethods.IsKnown(request.Method))
        {
            return new Failure(400, $"CSeq method {request.CSeq.Method} does not match the request method {request.Method}");
        }

        if (request.TopVia!.Branch == ViaHeader.MagicCookie)
        {
            // RFC 4475 §3.2.1: the cookie promises an RFC 3261 transaction identifier but carries none, so the
            // request cannot be matched to a transaction reliably. Rejecting (statelessly) is one of the two
            // behaviours the RFC allows; falling back to RFC 2543 matching would hide a broken client.
            return new Failure(400, "Via branch is the magic cookie alone, without a transaction identifier");
        }

        if (request.Headers[KnownHeader.MaxForwards] is { } maxForwards && request.MaxForwards is null)
        {
            // §20.22: 0-255. RFC 4475 §3.1.2.4 lets an element ignore a bad value instead; we refuse it, because
            // a hop count we cannot read cannot protect against loops.
            return new Failure(400, $"Max-Forwards must be a number from 0 to 255, not '{maxForwards}'");
        }

        if (request.Headers.Contains(KnownHeader.Contact) && !request.TryGetContacts(out _, out _, out var contactError))
        {
            return new Failure(400, "Bad " + contactError);
        }

        if (request.Method == SipMethods.Register && !request.To!.Uri.IsSip)
        {
            // §10.2 / §10.3: the To of a REGISTER is the address of record, a SIP or SIPS URI (RFC 4475 §3.3.4).
            return new Failure(400, $"The To of a REGISTER must be a sip: or sips: address of record, not {request.To.Uri.Scheme}:");
        }

        // A malformed Expires is not refused: §20.19 says it SHOULD be read as 3600 (see SipMessage.Expires).
        return null;
    }

    private static Failure? CheckCommon(SipMessage message)
    {
        var missing = new List<string>();
        foreach (var (id, name) in Mandatory)
        {
            var count = message.Headers.CountOf(id);
            if (count == 0)
            {
                missing.Add(name);
            }
            else if (count > 1 && HeaderNames.IsSingleValued(id))
            {
                return new Failure(400, $"Multiple {name} headers");
            }
        }

        if (missing.Count > 0)
        {
            return new Failure(400, $"Missing {string.Join(", ", missing)} header{(missing.Count > 1 ? "s" : string.Empty)}");
        }

        if (!message.TryGetVias(out var vias, out var viaError) || vias.Count == 0)
        {
            return new Failure(400, "Bad Via: " + viaError);
        }

        return CheckAddress(message, KnownHeader.From, "From")
            ?? CheckAddress(message, KnownHeader.To, "To")
            ?? CheckCSeq(message)
            ?? CheckCallId(message)
            ?? CheckSingleOptional(message);
    }

    private static Failure? CheckAddress(SipMessage message, KnownHeader id, string name)
    {
        var parsed = id == KnownHeader.From ? message.From : message.To;
        if (parsed is not null)
        {
            return null;
        }

        // Parse again only to learn why: the cached view keeps no error text.
        NameAddress.TryParse(message.Headers[id]!, out _, out var error);
        return new Failure(400, $"Bad {name} header: {error}");
    }

    private static Failure? CheckCSeq(SipMessage message)
    {
        if (message.CSeq is not null)
        {
            return null;
        }

        CSeqHeader.TryParse(message.Headers[KnownHeader.CSeq]!, out _, out var error);
        return new Failure(400, $"Bad CSeq header: {error}");
    }

    private static Failure? CheckCallId(SipMessage message) =>
        string.IsNullOrWhiteSpace(message.CallId) || message.CallId.AsSpan().IndexOfAny(" \t") >= 0
            ? new Failure(400, "Bad Call-ID header: it must be one word without white space")
            : null;

    private static Failure? CheckSingleOptional(SipMessage message)
    {
        foreach (var id in SingleOptional)
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

    private static readonly KnownHeader[] SingleOptional = [KnownHeader.ContentType, KnownHeader.MaxForwards, KnownHeader.Expires];
}
