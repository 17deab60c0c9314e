namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>
/// One entry of <c>GET /api/registrations</c>, declared here rather than borrowed from the server so these tests
/// pin the JSON contract (camelCase names) that operators' tools rely on.
/// </summary>
public sealed record RegistrationView(
    string Aor,
    string Contact,
    string Transport,
    string Source,
    DateTimeOffset Expires,
    int ExpiresInSeconds,
    double Q,
    string? UserAgent,
    DateTimeOffset RegisteredAt)
{
    /// <summary>Whether the address-of-record's user part is <paramref name="user"/> (sip:USER@host…).</summary>
    public bool IsFor(string user) =>
        Aor.StartsWith($"sip:{user}@", StringComparison.OrdinalIgnoreCase)
        || Aor.StartsWith($"sips:{user}@", StringComparison.OrdinalIgnoreCase);
}
