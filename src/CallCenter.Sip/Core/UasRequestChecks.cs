using CallCenter.Sip.Message;

namespace CallCenter.Sip.Core;

/// <summary>
/// The checks RFC 3261 §8.2 has a UAS make before it acts on a request, in the order the RFC gives them:
/// method inspection (§8.2.1: 405 with Allow, 501), header inspection (§8.2.2.1: 416 for a Request-URI scheme
/// other than sip, sips or tel; 483 for Max-Forwards 0 when we would forward, as §16.3 step 3 has a forwarding
/// element do; §8.2.2.3: 420 with Unsupported), then content processing (§8.2.3: 415 with Accept or
/// Accept-Encoding; 406 when the Accept header rules out the SDP the response must carry, RFC 4475 §3.3.15).
/// Pure: no I/O and no state. The request must already have passed <see cref="SipMessageValidator"/>.
/// Not covered here because they need state: merged-request detection (§8.2.2.2, 482) and authentication.
/// </summary>
public static partial class UasRequestChecks
{
    /// <summary>
    /// Returns null when the request may be processed, or the rejection to send. An ACK is never refused, since
    /// no response may be sent to it (§17.1.1.3, §17.2.1); its problems belong to the dialog that receives it.
    /// </summary>
    /// <param name="request">A request that passed <see cref="SipMessageValidator.Validate"/>.</param>
    /// <param name="capabilities">What we implement.</param>
    /// <param name="forwarding">
    /// True when we would pass the request on (a B2BUA leg towards an agent) rather than consume it; only then
    /// does Max-Forwards 0 refuse it (RFC 4475 §3.3.11: an endpoint processes it as usual).
    /// </param>
    public static UasRejection? Check(SipRequest request, UasCapabilities capabilities, bool forwarding = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(capabilities);
        if (request.Method == SipMethods.Ack)
        {
            return null;
        }

        return CheckMethod(request, capabilities)
            ?? CheckRequestUri(request)
            ?? (forwarding ? CheckMaxForwards(request) : null)
            ?? CheckRequire(request, capabilities)
            ?? CheckBody(request, capabilities)
            ?? CheckAccept(request, capabilities);
    }

    /// <summary>§8.2.1: a method we recognise but do not handle gets 405 with Allow; one we do not know gets 501.</summary>
    private static UasRejection? CheckMethod(SipRequest request, UasCapabilities capabilities)
    {
        if (capabilities.IsAllowed(request.Method))
        {
            return null;
        }

        if (SipMethods.IsKnown(request.Method))
        {
            return Reject(405, "Method Not Allowed", $"{request.Method} is not handled here", (KnownHeader.Allow, capabilities.AllowHeaderValue));
        }

        // §21.5.2. The method is not quoted in the reason phrase: token characters such as '`' are not allowed there.
        return Reject(501, "Method Not Implemented", $"unknown method '{request.Method}'");
    }

    /// <summary>§8.2.2.1: a Request-URI scheme we cannot serve gets 416.</summary>
    private static UasRejection? CheckRequestUri(SipRequest request)
    {
        if (request.RequestUri is not { } uri)
        {
            return Reject(400, "Bad Request-URI", $"Request-URI '{request.RequestUriText}' is not a URI");
        }

        return uri.Scheme is "sip" or "sips" or "tel"
            ? null
            : Reject(416, "Unsupported URI Scheme", $"Request-URI scheme '{uri.Scheme}' is not sip, sips or tel");
    }

    /// <summary>§16.3 step 3 / §20.22: a request whose hop count is spent is not passed on.</summary>
    private static UasRejection? CheckMaxForwards(SipRequest request) =>
        request.MaxForwards == 0
            ? Reject(483, "Too Many Hops", "Max-Forwards is 0 and the request would be forwarded")
            : null;

    /// <summary>
    /// §8.2.2.3: every option tag in Require that we do not implement is listed in Unsupported on a 420.
    /// Require is ignored on CANCEL (and ACK, handled above), and Proxy-Require is ignored altogether: it is
    /// addressed to proxies, not to a UAS.
    /// </summary>
    private static UasRejection? CheckRequire(SipRequest request, UasCapabilities capabilities)
    {
        if (request.Method == SipMethods.Cancel)
        {
            return null;
        }

        var unsupported = new List<string>();
        foreach (var tag in request.Headers.ElementsOf(KnownHeader.Require))
        {
            if (tag.Length > 0 && !capabilities.IsSupported(tag) && !unsupported.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                unsupported.Add(tag);
            }
        }

        if (unsupported.Count == 0)
        {
            return null;
        }

        var list = string.Join(", ", unsupported);
        return Reject(420, "Bad Extension", $"Require names extensions we do not support: {list}", (KnownHeader.Unsupported, list));
    }

    private static UasRejection Reject(int statusCode, string reason, string detail, params (KnownHeader Header, string Value)[] headers) =>
        new(statusCode, reason, detail, headers);
}
