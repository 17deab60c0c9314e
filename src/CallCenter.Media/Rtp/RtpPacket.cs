using System.Buffers.Binary;

namespace CallCenter.Media.Rtp;

/// <summary>
/// A parsed view over one RTP packet (RFC 3550 §5.1). It does not copy: every span points into the datagram it was
/// parsed from, so it lives no longer than that buffer. Parse with <see cref="TryParse(ReadOnlySpan{byte}, out RtpPacket, out RtpParseError)"/>.
/// </summary>
public readonly ref struct RtpPacket
{
    /// <summary>Length of the fixed header that every RTP packet starts with.</summary>
    public const int FixedHeaderLength = 12;

    /// <summary>The only RTP version this code speaks (RFC 3550 §5.1, V field).</summary>
    public const int SupportedVersion = 2;

    /// <summary>Largest CSRC count the 4-bit CC field can hold.</summary>
    public const int MaxCsrcCount = 15;

    /// <summary>Length of the extension header (profile word and length word) when the X bit is set.</summary>
    public const int ExtensionHeaderLength = 4;

    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _headerLength;
    private readonly int _paddingLength;

    private RtpPacket(ReadOnlySpan<byte> bytes, int headerLength, int paddingLength)
    {
        _bytes = bytes;
        _headerLength = headerLength;
        _paddingLength = paddingLength;
    }

    /// <summary>The whole datagram, header, payload and padding.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>True when the P bit is set (the packet ends with padding).</summary>
    public bool HasPadding => (_bytes[0] & 0x20) != 0;

    /// <summary>True when the X bit is set (a header extension follows the CSRC list).</summary>
    public bool HasExtension => (_bytes[0] & 0x10) != 0;

    /// <summary>Number of contributing sources (CC field, 0–15).</summary>
    public int CsrcCount => _bytes[0] & 0x0F;

    /// <summary>The marker bit; its meaning is set by the profile (RFC 3551 §4.1: first packet of a talkspurt).</summary>
    public bool Marker => (_bytes[1] & 0x80) != 0;

    /// <summary>Payload type, 0–127.</summary>
    public byte PayloadType => (byte)(_bytes[1] & 0x7F);

    /// <summary>Sequence number.</summary>
    public ushort SequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(_bytes[2..]);

    /// <summary>RTP timestamp, in units of the payload's clock rate.</summary>
    public uint Timestamp => BinaryPrimitives.ReadUInt32BigEndian(_bytes[4..]);

    /// <summary>Synchronization source identifier.</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_bytes[8..]);

    /// <summary>Length of everything before the payload: fixed header, CSRC list and extension.</summary>
    public int HeaderLength => _headerLength;

    /// <summary>Number of padding bytes at the end of the packet, the count byte included; 0 without padding.</summary>
    public int PaddingLength => _paddingLength;

    /// <summary>The profile-defined 16 bits of the header extension; 0 when there is no extension.</summary>
    public ushort ExtensionProfile => HasExtension ? BinaryPrimitives.ReadUInt16BigEndian(_bytes[ExtensionOffset..]) : (ushort)0;

    /// <summary>The header extension's data words (without its 4-byte header); empty when there is no extension.</summary>
    public ReadOnlySpan<byte> ExtensionData =>
        HasExtension ? _bytes[(ExtensionOffset + ExtensionHeaderLength).._headerLength] : ReadOnlySpan<byte>.Empty;

    /// <summary>The payload: what follows the header, without the padding.</summary>
    public ReadOnlySpan<byte> Payload => _bytes[_headerLength..(_bytes.Length - _paddingLength)];

    private int ExtensionOffset => FixedHeaderLength + (4 * CsrcCount);

    /// <summary>The contributing source at <paramref name="index"/> (0 ≤ index &lt; <see cref="CsrcCount"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the CSRC list.</exception>
    public uint GetCsrc(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, CsrcCount);
        return BinaryPrimitives.ReadUInt32BigEndian(_bytes[(FixedHeaderLength + (4 * index))..]);
    }

    /// <summary>Parses <paramref name="datagram"/> as an RTP packet; false when it is malformed.</summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out RtpPacket packet) =>
        TryParse(datagram, out packet, out _);

    /// <summary>
    /// Parses <paramref name="datagram"/> as an RTP packet. Never throws: a malformed datagram gives false and the
    /// reason in <paramref name="error"/>. Every length announced inside the packet is checked against the datagram.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out RtpPacket packet, out RtpParseError error)
    {
        packet = default;
        error = Validate(datagram, out int headerLength, out int paddingLength);
        if (error != RtpParseError.None)
        {
            return false;
        }

        packet = new RtpPacket(datagram, headerLength, paddingLength);
        return true;
    }

    private static RtpParseError Validate(ReadOnlySpan<byte> datagram, out int headerLength, out int paddingLength)
    {
        headerLength = 0;
        paddingLength = 0;
        if (datagram.Length < FixedHeaderLength)
        {
            return RtpParseError.TooShort;
        }

        byte first = datagram[0];
        if (first >> 6 != SupportedVersion)
        {
            return RtpParseError.UnsupportedVersion;
        }

        int length = FixedHeaderLength + (4 * (first & 0x0F));
        if (length > datagram.Length)
        {
            return RtpParseError.CsrcListTruncated;
        }

        if ((first & 0x10) != 0)
        {
            // §5.3.1: a 16-bit profile field, then the extension's length in 32-bit words, not counting this header.
            if (length + ExtensionHeaderLength > datagram.Length)
            {
                return RtpParseError.ExtensionTruncated;
            }

            length += ExtensionHeaderLength + (4 * BinaryPrimitives.ReadUInt16BigEndian(datagram[(length + 2)..]));
            if (length > datagram.Length)
            {
                return RtpParseError.ExtensionTruncated;
            }
        }

        if ((first & 0x20) != 0)
        {
            // §5.1: the last octet counts the padding octets, itself included, so zero is impossible.
            int count = datagram[^1];
            if (count == 0)
            {
                return RtpParseError.InvalidPadding;
            }

            if (length + count > datagram.Length)
            {
                return RtpParseError.PaddingExceedsPacket;
            }

            paddingLength = count;
        }

        headerLength = length;
        return RtpParseError.None;
    }
}
