namespace CallCenter.Server.Trunks;

/// <summary>
/// Registers with the trunks' providers once SIP is listening, and removes the bindings on shutdown before SIP stops
/// (hosted services stop in reverse order of registration, and this one is registered after the SIP service).
/// </summary>
public sealed class TrunkRegistrationService(TrunkRegistrations registrations) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in registrations.All)
        {
            registration.Start();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(registrations.All.Select(registration => registration.StopAsync(cancellationToken)));
}
