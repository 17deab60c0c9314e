using CallCenter.Sip.Transport.Logging;
using Microsoft.Extensions.Logging;

namespace CallCenter.Sip.Transport;

/// <summary>
/// What the UDP and TCP halves of the layer share: settings, the handler, counters, clock and logging.
/// </summary>
internal sealed class TransportContext
{
    // Peer-caused problems (bad framing, oversized datagrams, ICMP errors) can arrive thousands of times a second;
    // a handful per window is enough to notice them.
    private const int PeerEntriesPerWindow = 10;
    private const int HandlerEntriesPerWindow = 10;
    private static readonly TimeSpan LogWindow = TimeSpan.FromSeconds(10);

    private readonly InboundMessageHandler _handler;

    public TransportContext(
        SipTransportOptions options,
        InboundMessageHandler handler,
        ILogger logger,
        TimeProvider time)
    {
        Options = options;
        _handler = handler;
        Logger = logger;
        Time = time;
        PeerErrorLog = new LogRateLimiter(time, PeerEntriesPerWindow, LogWindow);
        HandlerErrorLog = new LogRateLimiter(time, HandlerEntriesPerWindow, LogWindow);
    }

    public SipTransportOptions Options { get; }

    public TransportCounters Counters { get; } = new();

    public ILogger Logger { get; }

    public TimeProvider Time { get; }

    /// <summary>Rate limit for warnings caused by what peers send.</summary>
    public LogRateLimiter PeerErrorLog { get; }

    /// <summary>Rate limit for exceptions thrown by the handler.</summary>
    public LogRateLimiter HandlerErrorLog { get; }

    /// <summary>Calls the handler; an exception is counted and logged, never propagated into a receive loop.</summary>
    public void Deliver(in InboundMessage message)
    {
        try
        {
            _handler(in message);
        }
        catch (Exception exception)
        {
            Counters.HandlerException();
            if (HandlerErrorLog.TryAcquire(out long suppressed))
            {
                TransportLog.HandlerFailed(Logger, exception, message.Transport, message.Remote, suppressed);
            }
        }
    }
}
