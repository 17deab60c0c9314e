namespace CallCenter.Sip.Core;

/// <summary>
/// When a request answered with credentials may be sent again after another challenge (RFC 3261 §22.2): a 401 or 407
/// is answered once; a second one of the same kind means the credentials were refused, unless the server says the
/// nonce was only stale (RFC 7616 §3.3). A bounded total keeps a misbehaving server from looping us.
/// </summary>
public readonly record struct ChallengeRetryPolicy
{
    /// <summary>Most retries of one request, whatever the challenges say.</summary>
    public const int MaxRetries = 4;

    private readonly int _count;
    private readonly bool _answered401;
    private readonly bool _answered407;

    private ChallengeRetryPolicy(int count, bool answered401, bool answered407) =>
        (_count, _answered401, _answered407) = (count, answered401, answered407);

    /// <summary>Retries made so far.</summary>
    public int Count => _count;

    /// <summary>True when a challenge with <paramref name="statusCode"/> (401 or 407) may be answered now.</summary>
    public bool Allows(int statusCode, bool stale)
    {
        if (_count >= MaxRetries || statusCode is not (401 or 407))
        {
            return false;
        }

        var answeredBefore = statusCode == 401 ? _answered401 : _answered407;
        return !answeredBefore || stale;
    }

    /// <summary>The policy after answering a challenge with <paramref name="statusCode"/>.</summary>
    public ChallengeRetryPolicy After(int statusCode) =>
        new(_count + 1, _answered401 || statusCode == 401, _answered407 || statusCode == 407);
}
