namespace CallCenter.Sip.Core;

/// <summary>Where the number of an inbound caller was read from.</summary>
public enum CallerIdentitySource
{
    /// <summary>The P-Asserted-Identity of a trusted provider (RFC 3325 §9.1).</summary>
    AssertedIdentity,

    /// <summary>The From header's user part (as the caller or its provider wrote it; not verified).</summary>
    From,

    /// <summary>The caller withheld its identity or none was given: there is no number.</summary>
    Withheld,
}
