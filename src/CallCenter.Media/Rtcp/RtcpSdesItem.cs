namespace CallCenter.Media.Rtcp;

/// <summary>One SDES item (RFC 3550 §6.5): a type and up to 255 octets of UTF-8 text. A view; does not copy.</summary>
public readonly ref struct RtcpSdesItem
{
    internal RtcpSdesItem(byte type, ReadOnlySpan<byte> value)
    {
        Type = type;
        Value = value;
    }

    /// <summary>The item type; compare with <see cref="SdesItemType"/>. Unknown types are legal and to be ignored.</summary>
    public byte Type { get; }

    /// <summary>The item text, UTF-8, not null-terminated.</summary>
    public ReadOnlySpan<byte> Value { get; }
}
