using System.Net;

namespace CallCenter.Media.Sdp;

/// <summary>An audio codec chosen from a peer's formats, with the payload type it carries there.</summary>
internal readonly record struct CodecChoice(int PayloadType, AudioCodec Codec);

/// <summary>The telephone-event payload type chosen from a peer's formats, with the events both sides handle.</summary>
internal readonly record struct EventChoice(int PayloadType, TelephoneEventSet Events);

/// <summary>Reads what offer/answer needs from one of the peer's media descriptions.</summary>
internal static class PeerStream
{
    private const int MaxPort = 65535;

    /// <summary>
    /// The direction the peer declared, where a c=0.0.0.0 (or ::) address also means it cannot receive: the RFC 2543
    /// hold that RFC 3264 §8.4 still asks answerers to understand.
    /// </summary>
    public static SdpDirection EffectiveDirection(SessionDescription sdp, MediaDescription media)
    {
        var declared = sdp.DirectionOf(media);
        return sdp.ConnectionOf(media) is { IsUnspecified: true } ? declared.Intersect(SdpDirection.SendOnly) : declared;
    }

    /// <summary>The peer's most preferred format (m= order, RFC 3264 §6.1) that is one of <paramref name="codecs"/>.</summary>
    public static CodecChoice? FindCodec(MediaDescription media, IReadOnlyList<AudioCodec> codecs)
    {
        foreach (var payloadType in media.PayloadTypes)
        {
            if (media.RtpMapFor(payloadType) is { } map && codecs.FirstOrDefault(c => c.Matches(map)) is { } codec)
            {
                return new CodecChoice(payloadType, codec);
            }
        }

        return null;
    }

    /// <summary>
    /// The first telephone-event format at the codec's clock rate (RFC 4733 wants events in an audio stream to
    /// use the audio's timestamp rate) whose events
    /// overlap <paramref name="supported"/>. A format without fmtp carries events 0-15 (RFC 4733 §7.1.1); one
    /// with an unreadable fmtp is passed over.
    /// </summary>
    public static EventChoice? FindTelephoneEvent(MediaDescription media, int clockRate, TelephoneEventSet supported)
    {
        foreach (var payloadType in media.PayloadTypes)
        {
            if (media.RtpMapFor(payloadType) is not { IsTelephoneEvent: true } map || map.ClockRate != clockRate
                || !TryReadEvents(media, payloadType, out var events))
            {
                continue;
            }

            var common = events.Intersect(supported);
            if (!common.IsEmpty)
            {
                return new EventChoice(payloadType, common);
            }
        }

        return null;
    }

    /// <summary>The events of a telephone-event format: its fmtp, or 0-15 when it has none.</summary>
    public static bool TryReadEvents(MediaDescription media, int payloadType, out TelephoneEventSet events)
    {
        var fmtp = media.FmtpFor(payloadType);
        events = TelephoneEventSet.Dtmf;
        return fmtp is null || TelephoneEventSet.TryParse(fmtp.Parameters, out events);
    }

    /// <summary>
    /// The packet time to send with: the peer's a=ptime (the duration it wants to receive, RFC 4566 §6),
    /// else <paramref name="defaultMilliseconds"/>, never above its a=maxptime.
    /// </summary>
    public static int SendPacketTime(MediaDescription media, int defaultMilliseconds) =>
        Math.Min(media.Ptime ?? defaultMilliseconds, media.MaxPtime ?? int.MaxValue);

    /// <summary>What the call layer needs to send to and receive from this stream.</summary>
    public static NegotiatedMedia Describe(
        int index, SessionDescription sdp, CodecChoice codec, EventChoice? events, int defaultPacketTime, SdpDirection ours, bool heldByPeer)
    {
        var media = sdp.Media[index];
        var connection = sdp.ConnectionOf(media)!;
        return new NegotiatedMedia
        {
            MediaIndex = index,
            RemoteRtp = connection.ToEndPoint(media.Port),
            RemoteRtcp = RtcpEndPoint(connection, media),
            PayloadType = codec.PayloadType,
            CodecName = codec.Codec.EncodingName,
            ClockRate = codec.Codec.ClockRate,
            TelephoneEventPayloadType = events?.PayloadType,
            TelephoneEvents = events?.Events ?? default,
            PacketTimeMilliseconds = SendPacketTime(media, defaultPacketTime),
            RemotePacketTimeMilliseconds = media.Ptime,
            Direction = ours,
            IsHeldByPeer = heldByPeer,
        };
    }

    /// <summary>a=rtcp when present (RFC 3605 §2.1), else the RTP port + 1 on the same address (RFC 3550 §11).</summary>
    private static EndPoint? RtcpEndPoint(SdpConnection connection, MediaDescription media)
    {
        if (media.Rtcp is { } rtcp)
        {
            return (rtcp.Connection ?? connection).ToEndPoint(rtcp.Port);
        }

        return media.Port < MaxPort ? connection.ToEndPoint(media.Port + 1) : null;
    }
}
