using CallCenter.Sip.Message;

namespace CallCenter.Sip.Core;

/// <summary>Content processing (RFC 3261 §8.2.3) and the Accept check of RFC 4475 §3.3.15.</summary>
public static partial class UasRequestChecks
{
    private const string Sdp = "application/sdp";

    /// <summary>
    /// §8.2.3: a body we cannot read gets 415, with Accept-Encoding when its encoding is the problem and Accept
    /// when its type is. An empty body needs nothing, whatever Content-Type says. A body whose Content-Disposition
    /// has handling=optional may be ignored instead (§20.11), so its type does not refuse the request.
    /// </summary>
    private static UasRejection? CheckBody(SipRequest request, UasCapabilities capabilities)
    {
        if (request.Body.IsEmpty)
        {
            return null;
        }

        foreach (var encoding in request.Headers.ElementsOf(KnownHeader.ContentEncoding))
        {
            // §20.12: "identity" is the only coding we apply, i.e. none.
            if (encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
            {
                return Reject(415, "Unsupported Media Type", $"Content-Encoding '{encoding}' is not supported",
                    (KnownHeader.AcceptEncoding, "identity"));
            }
        }

        if (request.ContentType is not { } contentType)
        {
            // §7.4.1: a non-empty body MUST have its type given by Content-Type.
            return Reject(400, "Missing Content-Type", "the request has a body but no Content-Type");
        }

        if (IsUnderstood(contentType, request.Body.Span, capabilities) || IsOptionalBody(request))
        {
            return null;
        }

        return Reject(415, "Unsupported Media Type", $"Content-Type '{contentType}' is not one we accept",
            (KnownHeader.Accept, capabilities.AcceptHeaderValue));
    }

    private static bool IsUnderstood(string contentType, ReadOnlySpan<byte> body, UasCapabilities capabilities)
    {
        var mediaType = MediaTypeOf(contentType, out var parameters);
        if (capabilities.Accepts(mediaType))
        {
            return true;
        }

        return mediaType.Equals(UasCapabilities.MultipartMixed, StringComparison.OrdinalIgnoreCase)
            && BoundaryOf(parameters) is { } boundary
            && MultipartHasPartOfType(body, boundary, Sdp);
    }

    private static bool IsOptionalBody(SipRequest request)
    {
        if (request.Headers[KnownHeader.ContentDisposition] is not { } disposition)
        {
            return false;
        }

        var semicolon = disposition.IndexOf(';');
        if (semicolon < 0)
        {
            return false;
        }

        var parameters = new SipParameters();
        var i = semicolon;
        return SipParameters.TryParse(disposition, ref i, parameters, out _)
            && string.Equals(parameters.Get("handling"), "optional", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// RFC 4475 §3.3.15: the answer to an INVITE (and to an UPDATE carrying an offer) holds SDP, so an Accept
    /// that rules out application/sdp leaves no response we could send: 406 with a Warning 399 saying so.
    /// Without Accept, application/sdp is assumed (§20.1).
    /// </summary>
    private static UasRejection? CheckAccept(SipRequest request, UasCapabilities capabilities)
    {
        var answerHasSdp = request.Method == SipMethods.Invite || (request.Method == SipMethods.Update && !request.Body.IsEmpty);
        if (!answerHasSdp || !request.Headers.Contains(KnownHeader.Accept))
        {
            return null;
        }

        foreach (var range in request.Headers.ElementsOf(KnownHeader.Accept))
        {
            if (RangeAdmitsSdp(range))
            {
                return null;
            }
        }

        var warning = $"399 {capabilities.WarningAgent} \"The response must carry application/sdp, which the Accept header field does not allow\"";
        return Reject(406, "Not Acceptable", $"Accept '{request.Headers[KnownHeader.Accept]}' rules out application/sdp",
            (KnownHeader.Warning, warning));
    }

    /// <summary>True for */*, application/* and application/sdp, unless given q=0 (§20.1 uses HTTP's media-range).</summary>
    private static bool RangeAdmitsSdp(string range)
    {
        var mediaType = MediaTypeOf(range, out var parameters);
        var matches = mediaType == "*/*" || mediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals(Sdp, StringComparison.OrdinalIgnoreCase);
        return matches && !IsZeroQuality(parameters.Get("q"));
    }

    private static bool IsZeroQuality(string? q) =>
        q is not null && q.TrimEnd('0').TrimEnd('.') is "0" or "";

    /// <summary>Splits "type/subtype ; params" into the bare type (trimmed) and its parameters (empty when malformed).</summary>
    private static string MediaTypeOf(string value, out SipParameters parameters)
    {
        parameters = new SipParameters();
        var semicolon = value.IndexOf(';');
        if (semicolon < 0)
        {
            return value.Trim();
        }

        var i = semicolon;
        if (!SipParameters.TryParse(value, ref i, parameters, out _))
        {
            parameters = new SipParameters();
        }

        return value[..semicolon].Trim();
    }

    /// <summary>The multipart boundary (RFC 2046 §5.1.1), without the quotes it may be written in.</summary>
    private static string? BoundaryOf(SipParameters parameters)
    {
        var boundary = parameters.Get("boundary");
        if (boundary is { Length: >= 2 } && boundary[0] == '"' && boundary[^1] == '"')
        {
            boundary = boundary[1..^1];
        }

        return string.IsNullOrEmpty(boundary) ? null : boundary;
    }
}
