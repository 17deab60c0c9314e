using System.Net.Sockets;
using System.Security.Cryptography;
using CallCenter.Media.Audio;
using CallCenter.Media.Dtmf;
using CallCenter.Media.G711;
using CallCenter.Media.Rtcp;
using CallCenter.Media.Rtp;
using CallCenter.Media.Sdp;
using CallCenter.Media.Transport;
using CallCenter.Media.Transport.Clock;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Media;

/// <summary>
/// The media of one call leg over RTP (RFC 3550) with G.711 (RFC 3551): negotiates SDP, sends prompts and
/// tones paced by the shared <see cref="MediaClock"/>, reads key presses (RFC 4733, or in-band tones when the
/// peer negotiated no telephone-event), and once bridged relays the peer's audio to the other leg as it
/// arrives, transcoding PCMU↔PCMA when the legs differ. It also reports on the session over RTCP and counts what it
/// moves (RtpCallMedia.Rtcp.cs). Three threads touch a leg — the call's executor
/// (control), the clock (prompt frames) and a receive thread (packets) — so its mutable state sits behind
/// one lock; events go out through the callback after the lock is released.
/// </summary>
public sealed partial class RtpCallMedia : ICallMedia, IRtpEndpointHandler, IMediaClockSubscriber
{
    private const int MaxPacket = 12 + 1500;
    private readonly object _gate = new();
    private readonly MediaEngine _engine;
    private readonly string _legId;
    private readonly Action<MediaEvent> _onEvent;
    private readonly RtpEndpoint _endpoint;
    private readonly FramePlayer _player = new(G711Law.MuLaw);
    private readonly Rfc4733Receiver _dtmf;
    private readonly ulong _sessionId;
    private readonly uint _ssrc;
    private readonly TimeSpan _inactivityTimeout;
    private readonly RtpSendStatistics _sent;
    private InBandDtmfDetector? _inBand;
    private IDisposable? _clockSubscription;
    private SessionDescription? _localDescription;
    private NegotiatedMedia? _media;
    private RtpCallMedia? _bridge;
    private bool _interruptible;
    private int _playback;
    private byte _payloadType; // the negotiated audio payload type: 0 or 8, or the dynamic number the peer chose
    private ushort _sequence;
    private uint _timestamp;
    private bool _disposed;

    internal RtpCallMedia(MediaEngine engine, string legId, Action<MediaEvent> onEvent)
    {
        _engine = engine;
        _legId = legId;
        _onEvent = onEvent;
        _sessionId = engine.NextSessionId();
        _ssrc = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
        _sequence = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue);
        _timestamp = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
        _dtmf = new Rfc4733Receiver(time: engine.Time);
        _sent = new RtpSendStatistics(G711Frame.SampleRate, engine.Time.TimestampFrequency);
        _endpoint = engine.Receiver.OpenEndpoint(engine.AdvertisedAddress, this, RtpPayloadTypeSet.Of(0, 8), G711Frame.SampleRate);
        _lowerLayerOverhead = _endpoint.LocalRtpEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? 48 : 28;

        // Silence only means the peer is gone once we know the peer and that it sends: an agent's phone may ring for
        // longer than the timeout before it answers our offer. Apply arms the timer.
        _inactivityTimeout = _endpoint.InactivityTimeout;
        _endpoint.InactivityTimeout = Timeout.InfiniteTimeSpan;
        engine.OnLegOpened(this);
    }

    /// <summary>The local RTP port (for tests and logs).</summary>
    public int LocalPort => _endpoint.LocalRtpEndPoint.Port;

    /// <summary>The transport's packet counters: what was refused and why (for tests and diagnostics).</summary>
    internal RtpEndpointCounters TransportCounters => _endpoint.Counters;

    /// <inheritdoc />
    public int Play(IReadOnlyList<string> promptKeys, bool interruptible)
    {
        var prompts = new List<Prompt>(promptKeys.Count);
        foreach (var key in promptKeys)
        {
            if (_engine.Prompts.TryGet(key, out var prompt))
            {
                prompts.Add(prompt);
            }
            else
            {
                _engine.Logger.LogWarning("Leg {Leg}: prompt {Prompt} not found; skipped", _legId, key);
            }
        }

        int playback;
        lock (_gate)
        {
            // Numbered under the lock the clock thread reads it under, so a finished event names its own playback.
            playback = ++_playback;
            _interruptible = interruptible;
            _player.Play(prompts);
        }

        if (prompts.Count == 0)
        {
            _onEvent(new MediaEvent.PromptFinished(playback));
        }

        return playback;
    }

    /// <inheritdoc />
    public void PlayRingback()
    {
        lock (_gate)
        {
            _interruptible = false;
            _player.Play([_engine.Ringback], loop: true);
        }
    }

    /// <inheritdoc />
    public void PlayComfortNoise()
    {
        lock (_gate)
        {
            _interruptible = false;
            _player.Play([_engine.ComfortNoise], loop: true);
        }
    }

    /// <inheritdoc />
    public void PlayLoop(string promptKey)
    {
        if (!_engine.Prompts.TryGet(promptKey, out var prompt))
        {
            _engine.Logger.LogWarning("Leg {Leg}: prompt {Prompt} not found; comfort noise instead", _legId, promptKey);
            prompt = _engine.ComfortNoise;
        }

        lock (_gate)
        {
            _interruptible = false;
            _player.Play([prompt], loop: true);
        }
    }

    /// <inheritdoc />
    public void StopPlayback()
    {
        lock (_gate)
        {
            _player.Stop();
        }
    }

    /// <inheritdoc />
    public void Bridge(ICallMedia other)
    {
        var peer = (RtpCallMedia)other;
        lock (_gate)
        {
            _player.Stop();
            _bridge = peer;
        }

        lock (peer._gate)
        {
            peer._player.Stop();
            peer._bridge = this;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        RtpCallMedia? bridge;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            bridge = _bridge;
            _bridge = null;
        }

        if (bridge is not null)
        {
            lock (bridge._gate)
            {
                if (ReferenceEquals(bridge._bridge, this))
                {
                    bridge._bridge = null;
                }
            }
        }

        _clockSubscription?.Dispose();
        SayGoodbye();
        _endpoint.Dispose();
        _engine.OnLegClosed(this, Summarize());
    }

    /// <summary>Clock thread: the next prompt or tone frame, unless the leg is bridged (then audio is relayed as it arrives).</summary>
    void IMediaClockSubscriber.OnTick(in MediaTick tick)
    {
        long now = _engine.Time.GetTimestamp();
        SendReportIfDue(now);
        Span<byte> packet = stackalloc byte[MaxPacket];
        int length = 0;
        bool finished = false;
        bool events;
        int playback = 0;

        // One look under the lock per tick: this runs for every leg 50 times a second on the one clock thread.
        lock (_gate)
        {
            if (_disposed || _media is null)
            {
                return;
            }

            events = _media.TelephoneEventPayloadType is not null;
            if (_bridge is null && _media.Direction.CanSend())
            {
                var frame = _player.NextFrame(out finished);
                playback = _playback;
                if (finished)
                {
                    _interruptible = false;
                }

                length = WritePacket(packet, frame.Span, now);
            }
        }

        if (length > 0)
        {
            _endpoint.SendRtp(packet[..length]);
        }

        if (finished)
        {
            _onEvent(new MediaEvent.PromptFinished(playback));
        }

        if (events && _dtmf.Poll() is { Count: > 0 } closed)
        {
            // A press whose end packets were all lost (RFC 4733 §2.5.1.4 sends three, but UDP may drop them all)
            // is closed once its packets stop, or the caller's key would never count.
            RaiseDigits(closed);
        }
    }

    /// <summary>Receive thread: key presses, and relaying when bridged.</summary>
    void IRtpEndpointHandler.OnRtpPacket(RtpEndpoint endpoint, RtpPacket packet)
    {
        NegotiatedMedia? media;
        RtpCallMedia? bridge;
        InBandDtmfDetector? detector;
        G711Law law;
        lock (_gate)
        {
            (media, bridge, detector, law) = (_media, _bridge, _inBand, _player.Law);
        }

        if (media is null)
        {
            return;
        }

        if (media.TelephoneEventPayloadType is { } eventType && packet.PayloadType == eventType)
        {
            var digits = _dtmf.Receive(packet.Ssrc, packet.SequenceNumber, packet.Timestamp, packet.Marker, packet.Payload, _engine.Time.GetUtcNow());
            RaiseDigits(digits);
            return;
        }

        // The endpoint accepts only the negotiated audio payload type besides telephone-event, so the audio is in the
        // leg's law whatever number the peer gave it (a dynamic one is allowed, RFC 3551 §3).
        if (bridge is not null)
        {
            bridge.Relay(packet.Payload, law);
            return;
        }

        if (detector is not null && packet.Payload.Length <= G711Frame.SamplesPerFrame * 4)
        {
            Span<short> pcm = stackalloc short[packet.Payload.Length];
            G711Codec.Decode(law, packet.Payload, pcm);
            RaiseDigits(detector.Process(pcm, _engine.Time.GetUtcNow()));
        }
    }

    void IRtpEndpointHandler.OnInactive(RtpEndpoint endpoint, TimeSpan silence) => _onEvent(new MediaEvent.Inactive());

    /// <summary>Sends audio received on the other leg, converted to this leg's codec, with this leg's own SSRC and numbering.</summary>
    private void Relay(ReadOnlySpan<byte> payload, G711Law sourceLaw)
    {
        Span<byte> packet = stackalloc byte[MaxPacket];
        long now = _engine.Time.GetTimestamp();
        int length;
        lock (_gate)
        {
            // RFC 3264 §6.1: nothing is sent on a stream the peer made recvonly or inactive (it holds the call).
            if (_disposed || _media is null || !_media.Direction.CanSend() || payload.Length > 1500)
            {
                return;
            }

            // Transcoded straight into the packet after the header: no intermediate buffer or copy per relayed packet.
            int header = WriteHeader(packet, payload.Length, now);
            G711Transcoder.Convert(sourceLaw, _player.Law, payload, packet.Slice(header, payload.Length));
            length = header + payload.Length;
        }

        _endpoint.SendRtp(packet[..length]);
    }

    private void RaiseDigits(IReadOnlyList<DtmfEvent> digits)
    {
        foreach (var digit in digits)
        {
            lock (_gate)
            {
                if (_interruptible)
                {
                    // Barge-in: a key press stops an interruptible prompt at once.
                    _player.Stop();
                    _interruptible = false;
                }
            }

            _engine.OnDigit(digit.Method);
            _onEvent(new MediaEvent.Digit(digit.Digit, digit.Method.ToString().ToLowerInvariant()));
        }
    }

    /// <summary>Writes an RTP packet of this leg (§5.1) with <paramref name="payload"/> after the header; see <see cref="WriteHeader"/>.</summary>
    private int WritePacket(Span<byte> destination, ReadOnlySpan<byte> payload, long now)
    {
        int header = WriteHeader(destination, payload.Length, now);
        payload.CopyTo(destination[header..]);
        return header + payload.Length;
    }

    /// <summary>
    /// Writes the header of this leg's next RTP packet (§5.1), sent at <paramref name="now"/>, and records the packet as
    /// sent; the caller puts the <paramref name="payloadLength"/> payload octets right after it. The timestamp advances
    /// by the samples sent (8 kHz G.711: one per byte). Called under the leg's lock, which also guards the send statistics.
    /// </summary>
    private int WriteHeader(Span<byte> destination, int payloadLength, long now)
    {
        var header = new RtpHeader(_payloadType, _sequence++, _timestamp, _ssrc);
        _timestamp += (uint)payloadLength;
        int written = RtpPacketWriter.WriteHeader(destination, header);
        _sent.Record(header.Timestamp, payloadLength, written + payloadLength, now);
        return written;
    }
}
