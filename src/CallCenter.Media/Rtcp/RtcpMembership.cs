namespace CallCenter.Media.Rtcp;

/// <summary>
/// What the RTCP interval depends on about the session (RFC 3550 §6.3): how many members it has, how many of them
/// sent RTP recently, and whether we are one of those senders.
/// </summary>
/// <param name="Members">Session members, ourselves included (1 until another member is heard).</param>
/// <param name="Senders">Members that sent RTP during the last report intervals, ourselves included if we did.</param>
/// <param name="WeSent">True when we sent RTP during the last two report intervals (our report is then an SR).</param>
public readonly record struct RtcpMembership(int Members, int Senders, bool WeSent)
{
    /// <summary>A session that has only just started: ourselves, not sending yet.</summary>
    public static RtcpMembership Alone => new(1, 0, false);
}
