namespace CallCenter.Sip.SessionTimers;

/// <summary>
/// What our 2xx to an INVITE or UPDATE says about the session timer (RFC 4028 §9): the Session-Expires value (with
/// the refresher always named) and whether <c>Require: timer</c> goes with it (only when the requester supports the
/// extension; a UA that does not could not honour a Require).
/// </summary>
/// <param name="Header">The Session-Expires of the 2xx.</param>
/// <param name="RequireTimer">True when the 2xx carries <c>Require: timer</c>.</param>
public sealed record SessionTimerAnswer(SessionExpires Header, bool RequireTimer)
{
    /// <summary>The timer from our side: we answered, so refresher=uas means we refresh.</summary>
    public SessionInterval Interval => SessionInterval.Negotiated(Header.Seconds, Header.Refresher ?? SessionRefresher.Uas, weSentTheRequest: false);
}
