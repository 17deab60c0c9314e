namespace CallCenter.Media.Dtmf;

/// <summary>Outcome of the checks on one analysis window: a key, or the first check that failed.</summary>
internal enum DtmfWindowVerdict
{
    /// <summary>A key is sounding throughout the window.</summary>
    Key,

    /// <summary>Not enough audio yet for a full window.</summary>
    Filling,

    /// <summary>Some tone is below the minimum level (silence, echo).</summary>
    TooQuiet,

    /// <summary>The energy is not spread over the whole window: a tone starts or stops inside it.</summary>
    Uneven,

    /// <summary>A tone does not stand out from the other frequencies of its group.</summary>
    NoDominantPair,

    /// <summary>The two tones' levels differ more than the twist limits allow.</summary>
    Twist,

    /// <summary>The two tones hold too little of the window's energy (noise, speech).</summary>
    Noise,

    /// <summary>A tone is further from its key frequency than the tolerance.</summary>
    OffFrequency,

    /// <summary>A tone has a strong second harmonic (voiced speech, music).</summary>
    Harmonics,
}
