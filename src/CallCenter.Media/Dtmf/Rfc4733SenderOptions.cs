namespace CallCenter.Media.Dtmf;

/// <summary>Tunables of <see cref="Rfc4733Sender"/>.</summary>
public sealed class Rfc4733SenderOptions
{
    /// <summary>Volume field (§2.3.4): the tone's power in dB below 0 dBm0; 10 (−10 dBm0) is what phones commonly send.</summary>
    public byte Volume { get; init; } = 10;

    /// <summary>Interval between updates of a running event and between the end packet copies (§2.5.1.2, §2.5.1.4).</summary>
    public TimeSpan PacketInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long each key is held when no duration is given.</summary>
    public TimeSpan ToneDuration { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Silence between two keys of a sequence (ITU-T Q.24 expects at least 40 ms).</summary>
    public TimeSpan InterDigitGap { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How many times the end packet is sent (§2.5.1.4: three in total).</summary>
    public int EndPacketCount { get; init; } = 3;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Volume, TelephoneEvent.MaxVolume, nameof(Volume));
        ArgumentOutOfRangeException.ThrowIfLessThan(PacketInterval, TimeSpan.FromMilliseconds(5), nameof(PacketInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(EndPacketCount, 1, nameof(EndPacketCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(ToneDuration, TimeSpan.FromMilliseconds(1), nameof(ToneDuration));
        // The next key's first packet must not overtake the previous key's last end copy.
        ArgumentOutOfRangeException.ThrowIfLessThan(InterDigitGap, PacketInterval * (EndPacketCount - 1), nameof(InterDigitGap));
    }
}
