namespace CallCenter.Media.Sdp;

public static partial class SdpNegotiator
{
    /// <summary>
    /// Our offer for a call we place, or a re-offer in a dialog (hold, resume, new address): one audio stream
    /// with every codec of <paramref name="capabilities"/> in order, telephone-event under
    /// <see cref="MediaCapabilities.TelephoneEventPayloadType"/>, a=ptime and <see cref="LocalMedia.Direction"/>.
    /// </summary>
    /// <param name="capabilities">What we support.</param>
    /// <param name="local">Our address and port, the direction we want, and the o= identity of a first offer.</param>
    /// <param name="previousLocal">The description we last sent in this dialog. A re-offer keeps its m= lines in place
    /// (RFC 3264 §8: never fewer, same order), puts the audio where the active audio stream was, and keeps its o= line,
    /// with the version incremented by one only when the description changed.</param>
    public static SessionDescription CreateOffer(MediaCapabilities capabilities, LocalMedia local, SessionDescription? previousLocal = null)
    {
        LocalAudioSection.Check(capabilities, local);
        var codecs = capabilities.Codecs.Select(c => new CodecChoice(c.PayloadType, c)).ToArray();
        EventChoice? events = capabilities.TelephoneEvents.IsEmpty
            ? null
            : new EventChoice(capabilities.TelephoneEventPayloadType, capabilities.TelephoneEvents);
        var audio = LocalAudioSection.Build("RTP/AVP", local, codecs, events, capabilities.PacketTimeMilliseconds, local.Direction);
        var media = previousLocal is null ? [audio] : PlaceAudio(previousLocal.Media, audio);
        return SdpVersioning.Stamp(LocalAudioSection.Describe(capabilities, local, media), previousLocal);
    }

    /// <summary>
    /// The previous m= lines with the audio section in place of the active audio stream (or of the first audio
    /// stream, or appended when there was none) and every other stream disabled with port 0.
    /// </summary>
    private static MediaDescription[] PlaceAudio(IReadOnlyList<MediaDescription> previous, MediaDescription audio)
    {
        var index = -1;
        for (var i = 0; i < previous.Count && index < 0; i++)
        {
            index = previous[i].IsAudio && !previous[i].IsRejected ? i : -1;
        }

        for (var i = 0; i < previous.Count && index < 0; i++)
        {
            index = previous[i].IsAudio ? i : -1;
        }

        var media = previous.Select((m, i) => i == index ? audio : m.IsRejected ? m : LocalAudioSection.Rejected(m));
        return index < 0 ? [.. media, audio] : [.. media];
    }
}
