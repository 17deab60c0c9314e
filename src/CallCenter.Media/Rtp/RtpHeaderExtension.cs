namespace CallCenter.Media.Rtp;

/// <summary>
/// A header extension to write after the CSRC list (RFC 3550 §5.3.1). The default value means "no extension".
/// </summary>
public readonly ref struct RtpHeaderExtension
{
    /// <summary>Creates an extension; <paramref name="data"/> must be a whole number of 32-bit words.</summary>
    /// <exception cref="ArgumentException">The data length is not a multiple of 4 or exceeds 65,535 words.</exception>
    public RtpHeaderExtension(ushort profile, ReadOnlySpan<byte> data)
    {
        if (data.Length % 4 != 0)
        {
            throw new ArgumentException("An RTP header extension is a whole number of 32-bit words.", nameof(data));
        }

        if (data.Length / 4 > ushort.MaxValue)
        {
            throw new ArgumentException("An RTP header extension holds at most 65,535 words.", nameof(data));
        }

        Profile = profile;
        Data = data;
        IsPresent = true;
    }

    /// <summary>True when an extension is to be written (false for the default value).</summary>
    public bool IsPresent { get; }

    /// <summary>The profile-defined 16 bits at the start of the extension.</summary>
    public ushort Profile { get; }

    /// <summary>The extension's data words, without its 4-byte header.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Bytes the extension takes in a packet, its header included; 0 when absent.</summary>
    public int Length => IsPresent ? RtpPacket.ExtensionHeaderLength + Data.Length : 0;
}
