namespace CallCenter.Store;

/// <summary>Where a callback request is in its life. Stored as the number, so values never change.</summary>
public enum CallbackStatus
{
    /// <summary>Waiting to be called back (possibly after failed attempts).</summary>
    Pending = 0,

    /// <summary>The caller was reached; closed.</summary>
    Done = 1,

    /// <summary>Attempts ran out or the number is unreachable; closed.</summary>
    GivenUp = 2,

    /// <summary>Withdrawn (e.g. the caller phoned in again and was served); closed.</summary>
    Cancelled = 3,
}
