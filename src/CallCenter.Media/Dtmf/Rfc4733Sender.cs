namespace CallCenter.Media.Dtmf;

/// <summary>
/// Builds the RFC 4733 packet sequence that sends keys to a trunk or phone: for each key a first packet
/// with the marker bit, updates every packet interval with the duration growing, then the end packet sent
/// three times (§2.5.1.4), all carrying the key's start timestamp. Packets are sent once the time they
/// report has elapsed, as audio packets are.
/// </summary>
public sealed class Rfc4733Sender
{
    private readonly int _clockRate;
    private readonly Rfc4733SenderOptions _options;
    private readonly uint _interval;

    /// <summary>Creates a sender for the negotiated telephone-event clock rate (8000 with G.711).</summary>
    public Rfc4733Sender(int clockRate = 8000, Rfc4733SenderOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clockRate, 1000);
        _options = options ?? new Rfc4733SenderOptions();
        _options.Validate();
        _clockRate = clockRate;
        _interval = ToUnits(_options.PacketInterval);
    }

    /// <summary>The packets of one key held for <paramref name="duration"/> (default <see cref="Rfc4733SenderOptions.ToneDuration"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a DTMF key, or a duration the 16-bit field cannot hold.</exception>
    public IReadOnlyList<TelephoneEventPacket> CreateDigit(char digit, TimeSpan? duration = null)
    {
        var packets = new List<TelephoneEventPacket>();
        AppendDigit(packets, digit, ToEventUnits(duration ?? _options.ToneDuration), startOffset: 0);
        return packets;
    }

    /// <summary>The packets of several keys in a row, separated by <see cref="Rfc4733SenderOptions.InterDigitGap"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A character is not a DTMF key.</exception>
    public IReadOnlyList<TelephoneEventPacket> CreateDigits(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var tone = ToEventUnits(_options.ToneDuration);
        var step = tone + ToUnits(_options.InterDigitGap);
        var packets = new List<TelephoneEventPacket>();
        for (var i = 0; i < digits.Length; i++)
        {
            AppendDigit(packets, digits[i], tone, unchecked((uint)(i * (long)step)));
        }

        return packets;
    }

    private void AppendDigit(List<TelephoneEventPacket> packets, char digit, ushort duration, uint startOffset)
    {
        var code = DtmfDigits.TryToEventCode(digit, out var eventCode)
            ? eventCode
            : throw new ArgumentOutOfRangeException(nameof(digit), digit, "Not a DTMF key (0-9, *, #, A-D).");

        // Updates while the key is held: each reports the time elapsed since the key went down.
        for (var elapsed = _interval; elapsed < duration; elapsed += _interval)
        {
            Add(packets, new TelephoneEvent(code, end: false, _options.Volume, (ushort)elapsed), startOffset, elapsed);
        }

        // The final packet, repeated at the update interval so a lost copy does not lose the end (§2.5.1.4).
        var end = new TelephoneEvent(code, end: true, _options.Volume, duration);
        for (var copy = 0; copy < _options.EndPacketCount; copy++)
        {
            Add(packets, end, startOffset, duration + (long)copy * _interval);
        }
    }

    private void Add(List<TelephoneEventPacket> packets, TelephoneEvent block, uint startOffset, long elapsedUnits)
    {
        // Only the first packet of an event has the marker; end copies never do (§2.2.2).
        var marker = packets.Count == 0 || packets[^1].TimestampOffset != startOffset;
        var sendAt = TimeSpan.FromTicks((startOffset + elapsedUnits) * TimeSpan.TicksPerSecond / _clockRate);
        packets.Add(new TelephoneEventPacket(TelephoneEventPayload.ToBytes(block), marker, startOffset, sendAt));
    }

    private ushort ToEventUnits(TimeSpan duration)
    {
        var units = ToUnits(duration);
        ArgumentOutOfRangeException.ThrowIfZero(units, nameof(duration));
        // Key presses are far shorter than the 16-bit limit (8.19 s at 8 kHz), so long-event segmentation
        // (§2.5.1.3) is not needed for sending.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(units, ushort.MaxValue, nameof(duration));
        return (ushort)units;
    }

    private uint ToUnits(TimeSpan time) =>
        (uint)Math.Min(uint.MaxValue, Math.Round(time.TotalSeconds * _clockRate, MidpointRounding.AwayFromZero));
}
