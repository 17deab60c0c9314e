using CallCenter.Auth;

namespace CallCenter.Sip.Core;

/// <summary>
/// What we answer a provider's or proxy's digest challenge with when we act as a UAC (RFC 3261 §22.2, §22.3): the
/// user name and secret the provider issued, and optionally the realm they are valid for.
/// </summary>
/// <param name="Username">The digest user name.</param>
/// <param name="Secret">The password or a stored HA1 (an HA1 only answers the algorithm and realm it was made for).</param>
/// <param name="Realm">
/// The realm the credentials belong to; a challenge for another realm is then not answered (§22.1: credentials are
/// per protection space). Null answers any realm.
/// </param>
public sealed record UacCredentials(string Username, DigestSecret Secret, string? Realm)
{
    /// <summary>Names the user only; the secret never appears in logs.</summary>
    public override string ToString() => $"UacCredentials({Username})";
}
