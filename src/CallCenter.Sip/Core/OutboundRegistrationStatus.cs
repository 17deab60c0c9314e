namespace CallCenter.Sip.Core;

/// <summary>What an outbound registration looks like now, for logs, metrics and the API.</summary>
/// <param name="State">Registered, failing…</param>
/// <param name="LastError">Why the last attempt failed (null after a success); never contains the secret.</param>
/// <param name="RegisteredUntil">When the binding the registrar granted runs out, while registered.</param>
/// <param name="NextAttemptAt">When the next REGISTER (refresh or retry) is due, while one is planned.</param>
/// <param name="ConsecutiveFailures">Failed attempts since the last success.</param>
public sealed record OutboundRegistrationStatus(
    OutboundRegistrationState State,
    string? LastError,
    DateTimeOffset? RegisteredUntil,
    DateTimeOffset? NextAttemptAt,
    int ConsecutiveFailures)
{
    /// <summary>Before the first attempt.</summary>
    public static OutboundRegistrationStatus Idle { get; } = new(OutboundRegistrationState.Idle, null, null, null, 0);

    /// <summary>True while the registrar holds our binding.</summary>
    public bool IsRegistered => State == OutboundRegistrationState.Registered;
}
