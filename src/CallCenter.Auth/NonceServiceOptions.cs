namespace CallCenter.Auth;

/// <summary>Settings of <see cref="NonceService"/>.</summary>
public sealed class NonceServiceOptions
{
    /// <summary>The shortest accepted HMAC key, in bytes.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>How long a nonce stays valid; afterwards it is stale. Default 300 s.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// The HMAC-SHA256 key (at least 16 bytes). Null means a random per-process key, which
    /// invalidates outstanding nonces on restart; share a key to keep them valid across restarts
    /// or between nodes.
    /// </summary>
    public byte[]? Key { get; init; }
}
