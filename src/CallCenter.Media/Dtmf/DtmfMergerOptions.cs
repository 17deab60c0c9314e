namespace CallCenter.Media.Dtmf;

/// <summary>Tunables of <see cref="DtmfMerger"/>.</summary>
public sealed class DtmfMergerOptions
{
    /// <summary>
    /// Two reports of the same key by different methods whose start times are at most this far apart are one
    /// press. Start times are estimates (RFC 4733 from packet arrival, SIP INFO from the request's arrival,
    /// which some phones send at key-up), so it is wider than their error, yet shorter than the ~250 ms
    /// between two presses of a fast typist.
    /// </summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many accepted presses are remembered for matching.</summary>
    public int RememberedPresses { get; init; } = 16;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, TimeSpan.Zero, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfLessThan(RememberedPresses, 1, nameof(RememberedPresses));
    }
}
