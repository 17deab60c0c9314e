namespace CallCenter.Media.Sdp;

public static partial class SdpNegotiator
{
    /// <summary>The packet time when neither side states one (RFC 3551 §4.5: 20 ms of G.711 per packet).</summary>
    private const int DefaultPacketTime = 20;

    /// <summary>
    /// Reads the peer's answer to <paramref name="offer"/> (ours). The answer must have as many m= lines as the
    /// offer, of the same media types, may not revive a stream offered with port 0, must use the offered
    /// transport, list only formats the offer contained (RFC 3264 §6.1: a subset, payload numbers may differ for
    /// the same codec) and answer the direction allowed for the offered one. We send with the answer's payload
    /// numbers and its a=ptime, else the ptime of our offer, else 20 ms.
    /// </summary>
    public static SdpNegotiationResult ProcessAnswer(SessionDescription offer, SessionDescription answer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Media.Count != offer.Media.Count)
        {
            return SdpNegotiationResult.Failed(
                $"the answer has {answer.Media.Count} m= lines but the offer had {offer.Media.Count} (RFC 3264 §6 requires the same number)");
        }

        int? audioIndex = null;
        for (var i = 0; i < offer.Media.Count; i++)
        {
            var (offered, answered) = (offer.Media[i], answer.Media[i]);
            if (!string.Equals(offered.Media, answered.Media, StringComparison.OrdinalIgnoreCase))
            {
                return SdpNegotiationResult.Failed($"m= line {i + 1} is {answered.Media} in the answer but {offered.Media} in the offer");
            }

            if (offered.IsRejected && !answered.IsRejected)
            {
                return SdpNegotiationResult.Failed($"m= line {i + 1} was offered with port 0 but the answer gives it port {answered.Port}");
            }

            audioIndex ??= offered.IsAudio && offered.IsRtp && !answered.IsRejected ? i : null;
        }

        return audioIndex is { } index
            ? ReadAnswerAudio(offer, answer, index)
            : SdpNegotiationResult.Failed("the answer refused the audio stream (port 0)");
    }

    private static SdpNegotiationResult ReadAnswerAudio(SessionDescription offer, SessionDescription answer, int index)
    {
        var (offered, answered) = (offer.Media[index], answer.Media[index]);
        if (!string.Equals(offered.Protocol, answered.Protocol, StringComparison.OrdinalIgnoreCase))
        {
            return SdpNegotiationResult.Failed($"the answer's audio uses {answered.Protocol} but the offer used {offered.Protocol}");
        }

        if (answer.ConnectionOf(answered) is null)
        {
            return SdpNegotiationResult.Failed("the answer's audio stream has no c= line and the session has none");
        }

        var error = CheckSubset(offered, answered, out var codecs);
        if (error is not null)
        {
            return SdpNegotiationResult.Failed(error);
        }

        // A dynamic format the answer lists without an rtpmap is read with the offer's mapping from here on.
        answered = WithOfferedRtpMaps(offered, answered);
        answer = answer with { Media = answer.Media.Select((m, i) => i == index ? answered : m).ToArray() };

        if (PeerStream.FindCodec(answered, codecs) is not { } codec)
        {
            return SdpNegotiationResult.Failed("the answer's audio stream lists no codec, only telephone-event");
        }

        var (offerDirection, answerDirection) = (offer.DirectionOf(offered), answer.DirectionOf(answered));
        if (answerDirection.Intersect(offerDirection.Reverse()) != answerDirection)
        {
            return SdpNegotiationResult.Failed(
                $"the answer's a={answerDirection.ToAttributeName()} is not allowed for an offered a={offerDirection.ToAttributeName()} (RFC 3264 §6.1)");
        }

        var peer = PeerStream.EffectiveDirection(answer, answered);
        var ours = peer.Reverse().Intersect(offerDirection);
        var events = OfferedEvents(offered, codec.Codec.ClockRate) is { } offeredEvents
            ? PeerStream.FindTelephoneEvent(answered, codec.Codec.ClockRate, offeredEvents)
            : null;
        return SdpNegotiationResult.Agreed(PeerStream.Describe(
            index, answer, codec, events, offered.Ptime ?? DefaultPacketTime, ours, heldByPeer: offerDirection.CanSend() && !peer.CanReceive()));
    }

    /// <summary>
    /// Checks that every answered format names a codec the offer contained, and returns the offered audio
    /// codecs (everything but telephone-event) under their offered names.
    /// </summary>
    private static string? CheckSubset(MediaDescription offered, MediaDescription answered, out IReadOnlyList<AudioCodec> codecs)
    {
        var offeredMaps = offered.PayloadTypes.Select(offered.RtpMapFor).OfType<RtpMapAttribute>().ToArray();
        codecs = offeredMaps.Where(m => !m.IsTelephoneEvent).Select(m => new AudioCodec(m.PayloadType, m.EncodingName, m.ClockRate)).ToArray();
        foreach (var payloadType in answered.PayloadTypes)
        {
            var map = answered.RtpMapFor(payloadType) ?? (offered.PayloadTypes.Contains(payloadType) ? offered.RtpMapFor(payloadType) : null);
            if (map is null)
            {
                return $"answer format {payloadType} has no a=rtpmap and is not in the offer";
            }

            if (!offeredMaps.Any(m => m.IsSameCodec(map)))
            {
                return $"answer format {payloadType} ({map.CodecText}) was not offered; an answer lists a subset of the offer (RFC 3264 §6.1)";
            }
        }

        return null;
    }

    private static MediaDescription WithOfferedRtpMaps(MediaDescription offered, MediaDescription answered)
    {
        var missing = answered.PayloadTypes
            .Where(pt => answered.RtpMapFor(pt) is null)
            .Select(pt => offered.RtpMapFor(pt)!)
            .ToArray();
        return missing.Length == 0 ? answered : answered with { Attributes = [.. answered.Attributes, .. missing] };
    }

    /// <summary>The events of our offered telephone-event format at <paramref name="clockRate"/>, or null when we offered none.</summary>
    private static TelephoneEventSet? OfferedEvents(MediaDescription offered, int clockRate)
    {
        foreach (var payloadType in offered.PayloadTypes)
        {
            if (offered.RtpMapFor(payloadType) is { IsTelephoneEvent: true } map && map.ClockRate == clockRate
                && PeerStream.TryReadEvents(offered, payloadType, out var events))
            {
                return events;
            }
        }

        return null;
    }
}
