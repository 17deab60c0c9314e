using System.Net;
using System.Text;
using CallCenter.Media.Audio;
using CallCenter.Media.Dtmf;
using CallCenter.Media.Rtcp;
using CallCenter.Media.Sdp;
using CallCenter.Media.Transport;
using CallCenter.Media.Transport.Clock;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Media;

/// <summary>
/// The media resources every call leg shares: the receive threads, the one 20 ms clock, the prompt library,
/// the address advertised in SDP, the codecs we offer and the RTCP CNAME. Creates <see cref="RtpCallMedia"/> legs,
/// keeps the traffic totals of all of them, and reports each leg's statistics when it closes.
/// </summary>
public sealed class MediaEngine : ICallMediaFactory, IDisposable
{
    private readonly Lock _legsLock = new();
    private readonly HashSet<RtpCallMedia> _openLegs = [];
    private MediaTrafficTotals _closedLegsTraffic;
    private long _sessionIds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Wires the engine; the clock must already be started by its owner.</summary>
    /// <param name="receiver">Receives every leg's RTP and RTCP.</param>
    /// <param name="clock">Paces prompts and RTCP reports.</param>
    /// <param name="prompts">The prompts legs play.</param>
    /// <param name="advertisedAddress">The address written into SDP and bound by each leg.</param>
    /// <param name="time">Time for statistics, DTMF and RTCP.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="canonicalName">The RTCP CNAME of every leg (RFC 3550 §6.5.1); <c>callcenter@</c> and the advertised address by default.</param>
    public MediaEngine(
        MediaReceiver receiver,
        MediaClock clock,
        PromptLibrary prompts,
        IPAddress advertisedAddress,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        string? canonicalName = null)
    {
        Receiver = receiver;
        Clock = clock;
        Prompts = prompts;
        AdvertisedAddress = advertisedAddress;
        Time = time;
        Logger = loggerFactory.CreateLogger<RtpCallMedia>();
        Ringback = RingbackTone.Create();
        ComfortNoise = ComfortNoiseLoop.Create();
        CanonicalName = string.IsNullOrEmpty(canonicalName) ? DefaultCanonicalName(advertisedAddress) : canonicalName;
        CanonicalNameBytes = CanonicalNameOctets(CanonicalName);
    }

    /// <summary>
    /// A leg has ended: its final statistics. Raised on the thread that disposed the leg, after its sockets closed;
    /// handlers must be quick.
    /// </summary>
    public event Action<MediaLegSummary>? LegClosed;

    /// <summary>A key press was received, with how it arrived. Raised on the thread that decoded it; handlers must be quick.</summary>
    public event Action<DtmfMethod>? DigitReceived;

    /// <summary>The address written into our SDP (c=) and bound by each leg.</summary>
    public IPAddress AdvertisedAddress { get; }

    /// <summary>
    /// The CNAME our RTCP carries for every leg (RFC 3550 §6.5.1): one per process, so a peer that meets two of our
    /// streams knows they come from the same participant.
    /// </summary>
    public string CanonicalName { get; }

    /// <summary>Legs alive now (each holds a port pair until disposed).</summary>
    public int ActiveLegs => Receiver.EndpointCount;

    internal MediaReceiver Receiver { get; }

    internal MediaClock Clock { get; }

    internal PromptLibrary Prompts { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal Prompt Ringback { get; }

    internal Prompt ComfortNoise { get; }

    internal MediaCapabilities Capabilities { get; } = new();

    internal ReadOnlyMemory<byte> CanonicalNameBytes { get; }

    /// <inheritdoc />
    public ICallMedia Create(string legId, Action<MediaEvent> onEvent) => new RtpCallMedia(this, legId, onEvent);

    /// <summary>
    /// Packets and bytes of every leg, open or closed, since the engine started. Costs a pass over the open legs,
    /// so call it when metrics are scraped, not per packet.
    /// </summary>
    public MediaTrafficTotals GetTrafficTotals()
    {
        lock (_legsLock)
        {
            var totals = _closedLegsTraffic;
            foreach (var leg in _openLegs)
            {
                totals += leg.Traffic;
            }

            return totals;
        }
    }

    /// <summary>
    /// Wraps a SIP INFO key-press parser (content type, body → key or null) so that every key it reads is reported
    /// through <see cref="DigitReceived"/> as <see cref="DtmfMethod.SipInfo"/>, like keys that arrive in the media.
    /// </summary>
    public Func<string, string, char?> CountingSipInfoDigits(Func<string, string, char?> parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        return (contentType, body) =>
        {
            var key = parser(contentType, body);
            if (key is not null)
            {
                OnDigit(DtmfMethod.SipInfo);
            }

            return key;
        };
    }

    /// <inheritdoc />
    public void Dispose() => Receiver.Dispose();

    internal ulong NextSessionId() => (ulong)Interlocked.Increment(ref _sessionIds);

    internal void OnLegOpened(RtpCallMedia leg)
    {
        lock (_legsLock)
        {
            _openLegs.Add(leg);
        }
    }

    /// <summary>Moves the leg's final counts into the closed-legs totals in one step, so the sum never goes back.</summary>
    internal void OnLegClosed(RtpCallMedia leg, MediaLegSummary summary)
    {
        lock (_legsLock)
        {
            if (_openLegs.Remove(leg))
            {
                _closedLegsTraffic += leg.Traffic;
            }
        }

        Logger.LogDebug(
            "Leg {Leg} ended: RTP in {PacketsIn} out {PacketsOut}, lost {Lost} of {Expected}, jitter {JitterMs:F1} ms, peer reported {PeerReport}",
            summary.LegId, summary.PacketsReceived, summary.PacketsSent, summary.PacketsLost, summary.PacketsExpected, summary.JitterMilliseconds, summary.PeerReport);
        LegClosed?.Invoke(summary);
    }

    internal void OnDigit(DtmfMethod method) => DigitReceived?.Invoke(method);

    private static string DefaultCanonicalName(IPAddress advertised)
    {
        // §6.5.1: user@host, the host being the numeric address our RTP comes from when it is a real one.
        bool unspecified = advertised.Equals(IPAddress.Any) || advertised.Equals(IPAddress.IPv6Any);
        return "callcenter@" + (unspecified ? Environment.MachineName : advertised.ToString());
    }

    private static ReadOnlyMemory<byte> CanonicalNameOctets(string name)
    {
        // The SDES item length is one octet: a longer name is cut at a character boundary.
        var bytes = Encoding.UTF8.GetBytes(name);
        if (bytes.Length <= RtcpCompoundWriter.MaxTextLength)
        {
            return bytes;
        }

        int length = RtcpCompoundWriter.MaxTextLength;
        while (length > 0 && (bytes[length] & 0xC0) == 0x80)
        {
            length--;
        }

        return bytes.AsMemory(0, length);
    }
}
