namespace CallCenter.Config;

/// <summary>How the server registers with a provider (RFC 3261 §10) and answers its digest challenges.</summary>
/// <param name="Username">The digest user name the provider issued.</param>
/// <param name="Secret">Password or stored HA1, as for agents; never logged.</param>
/// <param name="Realm">The provider's realm when known (needed to make sense of an HA1); null to take the challenge's.</param>
/// <param name="Expires">Registration lifetime requested in the Expires header.</param>
public sealed record TrunkRegistration(string Username, AgentSecret Secret, string? Realm, TimeSpan Expires)
{
    /// <summary>Lifetime requested when the file sets none (RFC 3261 §10.2.1.1 suggests one hour).</summary>
    public static TimeSpan DefaultExpires { get; } = TimeSpan.FromHours(1);
}
