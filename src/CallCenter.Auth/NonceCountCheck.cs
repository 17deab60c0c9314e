namespace CallCenter.Auth;

/// <summary>The verdict of <see cref="NonceCountTracker.TryAdvance"/>.</summary>
public enum NonceCountCheck
{
    /// <summary>The nc is higher than any seen for this nonce; it is now the highest.</summary>
    Accepted,

    /// <summary>The nc is not higher than one already seen for this nonce: a replay.</summary>
    Replayed,

    /// <summary>
    /// The tracker cannot vouch for this nonce (it expired, or memory pressure evicted nonces at
    /// least as old): the client must get a fresh nonce, i.e. a stale=TRUE challenge.
    /// </summary>
    Forgotten,
}
