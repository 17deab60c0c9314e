using CallCenter.Sip.Registrar;

namespace CallCenter.Server.Http;

/// <summary><c>GET /api/registrations</c>: the live bindings, for operators and tests.</summary>
public static class RegistrationsEndpoints
{
    /// <summary>One binding as JSON.</summary>
    public sealed record RegistrationView(
        string Aor,
        string Contact,
        string Transport,
        string Source,
        DateTimeOffset Expires,
        int ExpiresInSeconds,
        double Q,
        string? UserAgent,
        DateTimeOffset RegisteredAt);

    /// <summary>Maps the endpoint.</summary>
    public static void MapRegistrations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/registrations", (BindingStore store, TimeProvider time) =>
        {
            var now = time.GetUtcNow();
            return store.Snapshot().Select(b => new RegistrationView(
                b.Aor,
                b.Contact,
                b.Source.Transport.ToString().ToLowerInvariant(),
                b.Source.EndPoint.ToString(),
                b.Expires,
                (int)Math.Max(0, Math.Ceiling((b.Expires - now).TotalSeconds)),
                b.Q,
                b.UserAgent,
                b.RegisteredAt));
        });
    }
}
