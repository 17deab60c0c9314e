namespace CallCenter.Media.Dtmf;

/// <summary>
/// One key press, whatever the method that carried it.
/// </summary>
/// <param name="Digit">The key: 0–9, *, #, A–D (always upper case).</param>
/// <param name="Method">How the press arrived.</param>
/// <param name="StartTime">When the key went down, as well as the method can tell (server clock).</param>
/// <param name="Duration">How long the key was held (for SIP INFO: what the sender claimed).</param>
public sealed record DtmfEvent(char Digit, DtmfMethod Method, DateTimeOffset StartTime, TimeSpan Duration)
{
    /// <summary>
    /// RFC 4733 volume (§2.3.4): the tone's power as a positive number of dB below 0 dBm0 (0–63; 10 means
    /// −10 dBm0). Null when the method does not carry it.
    /// </summary>
    public int? Volume { get; init; }

    /// <summary>When the key went up: <see cref="StartTime"/> plus <see cref="Duration"/>.</summary>
    public DateTimeOffset EndTime => StartTime + Duration;
}
