using System.Globalization;

namespace CallCenter.Media.Sdp;

/// <summary>
/// A t= line with the r= lines that follow it (RFC 4566 §5.9, §5.10). SIP sessions use "t=0 0"
/// (RFC 3264 §5): unbounded and permanent.
/// </summary>
/// <param name="Start">Start time in NTP seconds; 0 for unbounded.</param>
/// <param name="Stop">Stop time in NTP seconds; 0 for unbounded.</param>
public sealed record SdpTiming(ulong Start, ulong Stop)
{
    /// <summary>"t=0 0", the timing of every SIP session.</summary>
    public static SdpTiming Unbounded { get; } = new(0, 0);

    /// <summary>The r= lines, kept as written.</summary>
    public IReadOnlyList<string> Repeats { get; init; } = [];

    /// <summary>Value equality, comparing <see cref="Repeats"/> element by element.</summary>
    public bool Equals(SdpTiming? other) =>
        other is not null && Start == other.Start && Stop == other.Stop && Repeats.SequenceEqual(other.Repeats);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, Stop, Repeats.Count);

    /// <summary>The value of the t= line.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start} {Stop}");
}
