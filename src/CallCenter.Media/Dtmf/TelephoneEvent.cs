using System.Buffers.Binary;

namespace CallCenter.Media.Dtmf;

/// <summary>
/// One RFC 4733 named-event block (§2.3): 8-bit event code, E (end) bit, R (reserved) bit,
/// 6-bit volume and 16-bit duration in RTP timestamp units.
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// |     event     |E|R| volume    |          duration             |
/// </code>
/// </summary>
public readonly record struct TelephoneEvent
{
    /// <summary>Size of one block on the wire.</summary>
    public const int Size = 4;

    /// <summary>Largest volume the 6-bit field holds (§2.3.4: 0 to −63 dBm0).</summary>
    public const byte MaxVolume = 0x3F;

    private const byte EndBit = 0x80;
    private const byte ReservedBit = 0x40;

    /// <summary>Creates a block; <paramref name="volume"/> must fit the 6-bit field.</summary>
    public TelephoneEvent(byte eventCode, bool end, byte volume, ushort duration, bool reserved = false)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(volume, MaxVolume);
        EventCode = eventCode;
        End = end;
        Volume = volume;
        Duration = duration;
        Reserved = reserved;
    }

    /// <summary>Event code (§2.3.1); 0–15 are DTMF keys (§3.2).</summary>
    public byte EventCode { get; }

    /// <summary>E bit (§2.3.2): this packet reports the end of the event.</summary>
    public bool End { get; }

    /// <summary>R bit (§2.3.3): senders send 0 and receivers ignore it; kept so a block round-trips.</summary>
    public bool Reserved { get; }

    /// <summary>Power level as a positive number of dB below 0 dBm0 (§2.3.4), 0–63.</summary>
    public byte Volume { get; }

    /// <summary>Duration so far in RTP timestamp units, counted from the packet's RTP timestamp (§2.3.5).</summary>
    public ushort Duration { get; }

    /// <summary>True when the event code is one of the sixteen DTMF keys.</summary>
    public bool IsDtmf => EventCode <= DtmfDigits.MaxEventCode;

    /// <summary>Reads the first block of <paramref name="source"/>; false when fewer than 4 bytes remain.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out TelephoneEvent telephoneEvent)
    {
        if (source.Length < Size)
        {
            telephoneEvent = default;
            return false;
        }

        var flags = source[1];
        // The volume is the low six bits only (mask 0x3F): the two high bits are E and R.
        telephoneEvent = new TelephoneEvent(
            source[0],
            (flags & EndBit) != 0,
            (byte)(flags & MaxVolume),
            BinaryPrimitives.ReadUInt16BigEndian(source[2..]),
            (flags & ReservedBit) != 0);
        return true;
    }

    /// <summary>Writes the block in network byte order into the first 4 bytes of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Size, nameof(destination));
        destination[0] = EventCode;
        destination[1] = (byte)((End ? EndBit : 0) | (Reserved ? ReservedBit : 0) | Volume);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
    }
}
