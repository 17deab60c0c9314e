using CallCenter.Calls.Media;
using CallCenter.Media.Transport.Clock;

namespace CallCenter.Server.Calls;

/// <summary>Starts the media clock with the host and releases media resources at shutdown.</summary>
public sealed class CallsHostedService(MediaClock clock, MediaEngine engine) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        clock.Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        engine.Dispose();
        clock.Dispose();
        return Task.CompletedTask;
    }
}
