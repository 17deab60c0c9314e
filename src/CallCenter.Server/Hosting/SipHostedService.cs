using CallCenter.Sip.Stack;

namespace CallCenter.Server.Hosting;

/// <summary>
/// Starts the SIP stack with the host and stops it gracefully on shutdown (SIGTERM): new requests are
/// refused with 503, live transactions finish within the host's shutdown timeout, then sockets close.
/// </summary>
public sealed class SipHostedService(SipStack stack, ILogger<SipHostedService> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await stack.StartAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "SIP listening on UDP {Udp} and TCP {Tcp}",
            string.Join(", ", stack.UdpEndPoints),
            string.Join(", ", stack.TcpEndPoints));
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("SIP stopping: refusing new requests, finishing live transactions");
        await stack.StopAsync(cancellationToken).ConfigureAwait(false);
    }
}
