namespace CallCenter.Sip.SessionTimers;

/// <summary>
/// The session timer in force on a dialog (RFC 4028 §10), seen from our side: how long the session lasts without a
/// refresh and whether we are the ones who refresh it.
/// </summary>
/// <param name="Seconds">The session interval.</param>
/// <param name="WeRefresh">True when we send the refreshes, false when we wait for the peer's.</param>
public readonly record struct SessionInterval(int Seconds, bool WeRefresh)
{
    /// <summary>§10: the refresher sends a refresh when half the interval has passed.</summary>
    public TimeSpan RefreshAfter => TimeSpan.FromSeconds(Seconds / 2.0);

    /// <summary>
    /// §10: the side that does not refresh gives the session up when no refresh came by the interval less the smaller
    /// of 32 seconds and a third of it (time for a refresh in flight to arrive).
    /// </summary>
    public TimeSpan GiveUpAfter => TimeSpan.FromSeconds(Seconds - Math.Min(32.0, Seconds / 3.0));

    /// <summary>The interval as a duration.</summary>
    public TimeSpan Length => TimeSpan.FromSeconds(Seconds);

    /// <summary>
    /// The interval a request or response negotiated, from our side: <paramref name="refresher"/> names a role in that
    /// transaction, and <paramref name="weSentTheRequest"/> says which role was ours.
    /// </summary>
    public static SessionInterval Negotiated(int seconds, SessionRefresher refresher, bool weSentTheRequest) =>
        new(seconds, WeRefresh: (refresher == SessionRefresher.Uac) == weSentTheRequest);
}
