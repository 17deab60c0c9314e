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
    /// <summary>
    /// Whether the binding belongs to agent <paramref name="user"/>. The server names an address-of-record by its
    /// user part ("1001"); a full URI (sip:1001@host) is accepted too, so the tests do not pin that choice.
    /// </summary>
    public bool IsFor(string user) =>
        string.Equals(Aor, user, StringComparison.Ordinal)
        || Aor.StartsWith($"sip:{user}@", StringComparison.OrdinalIgnoreCase)
        || Aor.StartsWith($"sips:{user}@", StringComparison.OrdinalIgnoreCase);
}
