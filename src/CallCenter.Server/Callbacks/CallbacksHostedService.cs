using CallCenter.Calls.Callbacks;

namespace CallCenter.Server.Callbacks;

/// <summary>
/// Puts the pending callbacks back in line when the server starts (in original arrival order, so a restart loses none
/// and keeps their order), and stops their timers when it stops.
/// </summary>
public sealed class CallbacksHostedService(CallbackScheduler scheduler) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        scheduler.Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        scheduler.Dispose();
        return Task.CompletedTask;
    }
}
