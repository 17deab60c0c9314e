namespace CallCenter.Calls.Media;

/// <summary>
/// The media of one call leg as the call sees it: SDP negotiation, prompt playback, keypad input and
/// bridging. Implemented over the RTP/G.711/DTMF layer; faked in call tests. Events come back through the
/// callback given to <see cref="ICallMediaFactory.Create"/>, posted to the call's executor.
/// </summary>
public interface ICallMedia : IDisposable
{
    /// <summary>Negotiates a caller's offer (RFC 3264); the answer SDP, or why it was refused (488 + Warning).</summary>
    MediaNegotiation AnswerOffer(string offerSdp);

    /// <summary>Our offer, for a leg we place or for an INVITE that came without SDP.</summary>
    string CreateOffer();

    /// <summary>Applies the peer's answer to our offer; false with a reason when it is unusable.</summary>
    bool AcceptAnswer(string answerSdp, out string? error);

    /// <summary>
    /// Plays prompts in order, replacing whatever was playing. A key press stops them when
    /// <paramref name="interruptible"/> (the Digit event is then the only signal). PromptFinished is raised
    /// only when every prompt played to its end, never for a playback that was replaced, stopped or interrupted,
    /// and it carries the number returned here: an end that was already on its way to the call when a new playback
    /// started is recognised as stale rather than taken for the end of the new one.
    /// </summary>
    /// <returns>This playback's number, unique on the leg.</returns>
    int Play(IReadOnlyList<string> promptKeys, bool interruptible);

    /// <summary>Plays ringback tone until stopped.</summary>
    void PlayRingback();

    /// <summary>
    /// Plays low-level comfort noise until stopped or replaced: what a caller waiting in a queue hears between
    /// announcements, so the line sounds live rather than dead (no music by default).
    /// </summary>
    void PlayComfortNoise();

    /// <summary>
    /// Loops the prompt <paramref name="promptKey"/> (a queue's hold music) until stopped or replaced; comfort noise when
    /// the prompt does not exist, so the caller never hears a dead line.
    /// </summary>
    void PlayLoop(string promptKey);

    /// <summary>Stops any playback (silence follows).</summary>
    void StopPlayback();

    /// <summary>Relays audio both ways between this leg and <paramref name="other"/>, transcoding when the codecs differ.</summary>
    void Bridge(ICallMedia other);
}

/// <summary>Outcome of answering an offer.</summary>
public sealed record MediaNegotiation(string? AnswerSdp, int RefusalStatus, string? Warning)
{
    /// <summary>
    /// The refusal of an offer to a leg that no longer has a session to change (the call is ending or gave the leg
    /// up): 488, and the session stays as it was (RFC 3264 §8).
    /// </summary>
    public static MediaNegotiation NoSession { get; } = new(null, 488, null);

    /// <summary>True when an answer was produced.</summary>
    public bool Accepted => AnswerSdp is not null;
}

/// <summary>Creates the media of a call leg.</summary>
public interface ICallMediaFactory
{
    /// <summary>A leg whose events go to <paramref name="onEvent"/>.</summary>
    ICallMedia Create(string legId, Action<MediaEvent> onEvent);
}

/// <summary>Media events of a leg.</summary>
public abstract record MediaEvent
{
    /// <summary>All prompts of playback <paramref name="Playback"/> (the number <see cref="ICallMedia.Play"/> returned) were played to their end.</summary>
    public sealed record PromptFinished(int Playback) : MediaEvent;

    /// <summary>A key press, whatever way it arrived (RFC 4733, SIP INFO, in-band).</summary>
    public sealed record Digit(char Key, string Method) : MediaEvent;

    /// <summary>No RTP for the configured inactivity time: the peer is gone.</summary>
    public sealed record Inactive : MediaEvent;
}
