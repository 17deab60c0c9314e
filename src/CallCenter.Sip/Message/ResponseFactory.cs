namespace CallCenter.Sip.Message;

/// <summary>Builds a response to a request as RFC 3261 §8.2.6 prescribes.</summary>
public static class ResponseFactory
{
    /// <summary>
    /// Copies Via (all, in order), From, To, Call-ID and CSeq; adds <paramref name="toTag"/> to To when
    /// the request's To has none and the response is not 100 (§8.2.6.2). Received/rport on the top Via
    /// are added by the transport layer when the request arrived, not here.
    /// </summary>
    public static SipResponse Create(SipRequest request, int statusCode, string? reason = null, string? toTag = null)
    {
        var response = new SipResponse(statusCode, reason);
        var headers = response.Headers;
        headers.CopyFrom(request.Headers, KnownHeader.Via);
        headers.CopyFrom(request.Headers, KnownHeader.From);
        var toText = request.Headers[KnownHeader.To];
        if (toText is not null && toTag is not null && statusCode != 100
            && NameAddress.TryParse(toText, out var to, out _) && to.Tag is null)
        {
            // Parsed afresh: the request's cached To must not change.
            to.Tag = toTag;
            toText = to.ToString();
        }

        if (toText is not null)
        {
            headers.Add(KnownHeader.To, toText);
        }

        headers.CopyFrom(request.Headers, KnownHeader.CallId);
        headers.CopyFrom(request.Headers, KnownHeader.CSeq);
        if (statusCode == 100)
        {
            // §8.2.6.1: a Timestamp in the request is echoed in 100 Trying.
            headers.CopyFrom(request.Headers, KnownHeader.Timestamp);
        }

        return response;
    }
}
