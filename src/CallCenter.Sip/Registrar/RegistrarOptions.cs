namespace CallCenter.Sip.Registrar;

/// <summary>Registrar limits (RFC 3261 §10.3). Bound from configuration section <c>Sip:Registrar</c>.</summary>
public sealed class RegistrarOptions
{
    /// <summary>Shortest registration accepted; shorter non-zero requests get 423 (§10.3 step 7).</summary>
    public int MinExpiresSeconds { get; set; } = 60;

    /// <summary>Longest registration granted; longer requests are shortened to this.</summary>
    public int MaxExpiresSeconds { get; set; } = 3600;

    /// <summary>Used when the request gives neither an expires parameter nor an Expires header.</summary>
    public int DefaultExpiresSeconds { get; set; } = 3600;

    /// <summary>Most contacts one address-of-record may register at once (a softphone on a desk and one on a laptop).</summary>
    public int MaxBindingsPerAor { get; set; } = 10;

    /// <summary>How often expired bindings are swept out even when nobody reads them.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);
}
