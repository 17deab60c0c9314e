namespace CallCenter.Media.Sdp;

/// <summary>
/// SDP offer/answer (RFC 3264) for the server's single audio stream: G.711 (PCMU, PCMA) with RFC 4733
/// telephone-events. Pure functions: the call layer keeps the descriptions of each dialog and passes back
/// the one it last sent, which drives o= versioning on re-INVITEs (RFC 3264 §8).
/// </summary>
public static partial class SdpNegotiator
{
    /// <summary>
    /// Answers <paramref name="offer"/>. The first audio stream we can take is accepted with the peer's most
    /// preferred codec we support (the order of its m= formats) and its telephone-event payload type; every
    /// other stream is refused with port 0, keeping the number and order of m= lines (RFC 3264 §6). The answer's
    /// direction is the reverse of the offer's, narrowed by <see cref="LocalMedia.Direction"/> (§6.1).
    /// Without a usable audio stream the result is a rejection for 488 Not Acceptable Here.
    /// </summary>
    /// <param name="offer">The peer's offer.</param>
    /// <param name="capabilities">What we support.</param>
    /// <param name="local">Our address and port, and the o= identity of a first answer.</param>
    /// <param name="previousLocal">The description we last sent in this dialog, for a re-INVITE: the answer then keeps
    /// its o= line, with the version incremented by one only when the answer differs from it.</param>
    public static SdpAnswerResult CreateAnswer(
        SessionDescription offer, MediaCapabilities capabilities, LocalMedia local, SessionDescription? previousLocal = null)
    {
        ArgumentNullException.ThrowIfNull(offer);
        LocalAudioSection.Check(capabilities, local);
        if (offer.Media.Count == 0)
        {
            return SdpAnswerResult.Rejected(new SdpRejection(SdpWarningCode.MediaTypeNotAvailable, "the offer has no m= line"));
        }

        var sections = new MediaDescription[offer.Media.Count];
        NegotiatedMedia? negotiated = null;
        SdpRejection? firstProblem = null;
        for (var index = 0; index < offer.Media.Count; index++)
        {
            var offered = offer.Media[index];
            if (negotiated is null && !offered.IsRejected)
            {
                var outcome = AcceptAudio(offer, index, capabilities, local);
                if (outcome.Rejection is null)
                {
                    (sections[index], negotiated) = (outcome.Section!, outcome.Media!);
                    continue;
                }

                firstProblem ??= outcome.Rejection;
            }

            sections[index] = LocalAudioSection.Rejected(offered);
        }

        if (negotiated is null)
        {
            return SdpAnswerResult.Rejected(firstProblem ?? new SdpRejection(SdpWarningCode.MediaTypeNotAvailable, "every m= line of the offer has port 0"));
        }

        var answer = LocalAudioSection.Describe(capabilities, local, sections);
        return SdpAnswerResult.Accepted(SdpVersioning.Stamp(answer, previousLocal), negotiated);
    }

    private static StreamOutcome AcceptAudio(SessionDescription offer, int index, MediaCapabilities capabilities, LocalMedia local)
    {
        var offered = offer.Media[index];
        var stream = $"m= line {index + 1}";
        if (!offered.IsAudio)
        {
            return StreamOutcome.Refused(SdpWarningCode.MediaTypeNotAvailable, $"{stream} is {offered.Media}; only audio is supported");
        }

        if (!string.Equals(offered.Protocol, "RTP/AVP", StringComparison.OrdinalIgnoreCase))
        {
            return StreamOutcome.Refused(SdpWarningCode.IncompatibleTransportProtocol, $"{stream} uses {offered.Protocol}; only RTP/AVP is supported");
        }

        if (offer.ConnectionOf(offered) is not { } connection)
        {
            return StreamOutcome.Refused(SdpWarningCode.IncompatibleNetworkAddressFormats, $"{stream} has no c= line and the session has none");
        }

        var ourType = SdpAddress.TypeOf(local.Address);
        if (connection.IsMulticast || connection.AddressType != ourType)
        {
            return StreamOutcome.Refused(
                SdpWarningCode.IncompatibleNetworkAddressFormats,
                $"{stream} has connection address {connection.Address}; we receive unicast {SdpSyntax.ToText(ourType)}");
        }

        if (PeerStream.FindCodec(offered, capabilities.Codecs) is not { } codec)
        {
            var ours = string.Join(", ", capabilities.Codecs.Select(c => $"{c.EncodingName}/{c.ClockRate}"));
            return StreamOutcome.Refused(
                SdpWarningCode.IncompatibleMediaFormat, $"{stream} offers formats {string.Join(' ', offered.Formats)}, none of them {ours}");
        }

        var events = capabilities.TelephoneEvents.IsEmpty
            ? null
            : PeerStream.FindTelephoneEvent(offered, codec.Codec.ClockRate, capabilities.TelephoneEvents);
        var peerDirection = PeerStream.EffectiveDirection(offer, offered);
        var ourDirection = peerDirection.Reverse().Intersect(local.Direction);
        var section = LocalAudioSection.Build(offered.Protocol, local, [codec], events, capabilities.PacketTimeMilliseconds, ourDirection);
        var media = PeerStream.Describe(
            index, offer, codec, events, capabilities.PacketTimeMilliseconds, ourDirection, heldByPeer: !peerDirection.CanReceive());
        return new StreamOutcome(section, media, null);
    }

    /// <summary>One offered stream accepted (section and media) or refused (rejection).</summary>
    private sealed record StreamOutcome(MediaDescription? Section, NegotiatedMedia? Media, SdpRejection? Rejection)
    {
        public static StreamOutcome Refused(SdpWarningCode code, string detail) => new(null, null, new SdpRejection(code, detail));
    }
}
