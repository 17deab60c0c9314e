using System.Net;
using CallCenter.Media.Audio;
using CallCenter.Media.Sdp;
using CallCenter.Media.Transport;
using CallCenter.Media.Transport.Clock;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Media;

/// <summary>
/// The media resources every call leg shares: the receive threads, the one 20 ms clock, the prompt library,
/// the address advertised in SDP, and the codecs we offer. Creates <see cref="RtpCallMedia"/> legs.
/// </summary>
public sealed class MediaEngine : ICallMediaFactory, IDisposable
{
    private long _sessionIds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Wires the engine; the clock must already be started by its owner.</summary>
    public MediaEngine(MediaReceiver receiver, MediaClock clock, PromptLibrary prompts, IPAddress advertisedAddress, TimeProvider time, ILoggerFactory loggerFactory)
    {
        Receiver = receiver;
        Clock = clock;
        Prompts = prompts;
        AdvertisedAddress = advertisedAddress;
        Time = time;
        Logger = loggerFactory.CreateLogger<RtpCallMedia>();
        Ringback = RingbackTone.Create();
    }

    internal MediaReceiver Receiver { get; }

    internal MediaClock Clock { get; }

    internal PromptLibrary Prompts { get; }

    /// <summary>The address written into our SDP (c=) and bound by each leg.</summary>
    public IPAddress AdvertisedAddress { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal Prompt Ringback { get; }

    internal MediaCapabilities Capabilities { get; } = new();

    /// <summary>Legs alive now (each holds a port pair until disposed).</summary>
    public int ActiveLegs => Receiver.EndpointCount;

    /// <inheritdoc />
    public ICallMedia Create(string legId, Action<MediaEvent> onEvent) => new RtpCallMedia(this, legId, onEvent);

    internal ulong NextSessionId() => (ulong)Interlocked.Increment(ref _sessionIds);

    /// <inheritdoc />
    public void Dispose() => Receiver.Dispose();
}
