namespace CallCenter.Media.Sdp;

/// <summary>How a peer's new description relates to its previous one in the same dialog (RFC 3264 §8).</summary>
public enum RemoteSdpChange
{
    /// <summary>Same o= line, same content: a session refresh.</summary>
    Unchanged,

    /// <summary>Same session, new version: the peer changed something (hold, resume, address, codecs).</summary>
    Changed,

    /// <summary>Same version but different content; RFC 3264 §8 forbids it, but the new content is what counts.</summary>
    ChangedWithoutNewVersion,

    /// <summary>A different o= user, session id or address: another session, e.g. after a transfer behind a B2BUA.</summary>
    NewSession,
}

/// <summary>o= line versioning across the offers and answers of one dialog (RFC 3264 §8).</summary>
public static class SdpVersioning
{
    /// <summary>
    /// Gives <paramref name="candidate"/> the o= line of <paramref name="previous"/> (the description we last
    /// sent), keeping its version when nothing else differs and incrementing it by one when something does.
    /// Without a previous description the candidate is returned unchanged.
    /// </summary>
    public static SessionDescription Stamp(SessionDescription candidate, SessionDescription? previous)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (previous is null)
        {
            return candidate;
        }

        var unchanged = candidate with { Origin = previous.Origin };
        return unchanged.Equals(previous)
            ? unchanged
            : candidate with { Origin = previous.Origin with { SessionVersion = unchecked(previous.Origin.SessionVersion + 1) } };
    }

    /// <summary>Classifies the peer's <paramref name="current"/> description against its <paramref name="previous"/> one.</summary>
    public static RemoteSdpChange Classify(SessionDescription previous, SessionDescription current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var (before, after) = (previous.Origin, current.Origin);
        if (before.UserName != after.UserName || before.SessionId != after.SessionId
            || before.AddressType != after.AddressType || before.Address != after.Address)
        {
            return RemoteSdpChange.NewSession;
        }

        if (before.SessionVersion != after.SessionVersion)
        {
            return RemoteSdpChange.Changed;
        }

        return current.Equals(previous) ? RemoteSdpChange.Unchanged : RemoteSdpChange.ChangedWithoutNewVersion;
    }
}
