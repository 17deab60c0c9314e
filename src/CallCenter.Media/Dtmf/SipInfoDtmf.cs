namespace CallCenter.Media.Dtmf;

/// <summary>A key press carried in the body of a SIP INFO request.</summary>
/// <param name="Digit">The key: 0–9, *, #, A–D (upper case).</param>
/// <param name="Duration">The duration the sender stated (<c>Duration=</c> of dtmf-relay), or null when it stated none.</param>
public sealed record SipInfoDtmf(char Digit, TimeSpan? Duration)
{
    /// <summary>Duration assumed when the sender states none (what common PBXes assume too).</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The press as a <see cref="DtmfEvent"/>. SIP INFO says nothing about when the key went down, so the
    /// request's arrival is taken as the start.
    /// </summary>
    public DtmfEvent ToDtmfEvent(DateTimeOffset receivedAt) =>
        new(Digit, DtmfMethod.SipInfo, receivedAt, Duration ?? DefaultDuration);
}

/// <summary>Why a SIP INFO body is not a key press.</summary>
public enum SipInfoDtmfErrorKind
{
    /// <summary>The Content-Type is neither application/dtmf-relay nor application/dtmf.</summary>
    UnsupportedContentType,

    /// <summary>The body is empty (some phones send an empty INFO to probe support; many servers answer 200).</summary>
    EmptyBody,

    /// <summary>The body is far longer than any DTMF body.</summary>
    BodyTooLong,

    /// <summary>A dtmf-relay body without a Signal line.</summary>
    MissingSignal,

    /// <summary>The signal is not a DTMF key.</summary>
    InvalidSignal,

    /// <summary>The signal is a hook flash (<c>!</c> or event 16), which is not a key press.</summary>
    HookFlash,

    /// <summary>Two Signal lines naming different keys.</summary>
    ConflictingSignals,
}

/// <summary>Why a SIP INFO body could not be read; the SIP layer answers 400 (or 200 for an empty probe), never crashes.</summary>
/// <param name="Kind">The category, for choosing the response.</param>
/// <param name="Message">A human-readable reason, fit for a log line or a Warning header.</param>
public readonly record struct SipInfoDtmfError(SipInfoDtmfErrorKind Kind, string Message);
