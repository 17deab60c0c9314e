namespace CallCenter.Sip.SessionTimers;

/// <summary>
/// Which side sends the session refreshes (RFC 4028 §4, <c>refresher-param</c>), named by its role in the
/// transaction that negotiated the timer: the sender of that request (uac) or the side answering it (uas).
/// </summary>
public enum SessionRefresher
{
    /// <summary>The sender of the request that negotiated the interval.</summary>
    Uac,

    /// <summary>The side that answered it.</summary>
    Uas,
}
