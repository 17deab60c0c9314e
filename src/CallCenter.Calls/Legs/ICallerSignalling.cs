namespace CallCenter.Calls.Legs;

/// <summary>The SIP side of the caller's leg, as the call sees it (implemented over the UA core).</summary>
public interface ICallerSignalling
{
    /// <summary>Call-ID of the caller's INVITE, for logs and tickets.</summary>
    string CallId { get; }

    /// <summary>Who is calling: the authenticated user, else the From URI's user.</summary>
    string? Caller { get; }

    /// <summary>The number dialled (Request-URI user).</summary>
    string Dialled { get; }

    /// <summary>The SDP offer of the INVITE, or null when the caller sent none (the offer then goes in our 200, RFC 3261 §13.2.1).</summary>
    string? Offer { get; }

    /// <summary>Answers with 200 OK carrying <paramref name="sdp"/> (an answer, or our offer when the INVITE had none).</summary>
    void Answer(string sdp);

    /// <summary>Refuses the call with a final response (e.g. 488 with a Warning, 480, 503).</summary>
    void Reject(int statusCode, string? warning = null);

    /// <summary>Ends an answered call with BYE.</summary>
    void Hangup();
}
