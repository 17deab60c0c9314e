namespace CallCenter.Auth;

/// <summary>The result of <see cref="NonceService.Validate"/>.</summary>
public readonly struct NonceValidation
{
    internal NonceValidation(NonceStatus status, DateTimeOffset issuedAt, UInt128 id)
    {
        Status = status;
        IssuedAt = issuedAt;
        Id = id;
    }

    /// <summary>Whether the nonce is valid, stale or invalid.</summary>
    public NonceStatus Status { get; }

    /// <summary>When the nonce was issued; meaningless when <see cref="Status"/> is Invalid.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>The nonce's random part: a compact identity for replay tracking.</summary>
    internal UInt128 Id { get; }

    internal static NonceValidation Invalid => new(NonceStatus.Invalid, default, default);
}
