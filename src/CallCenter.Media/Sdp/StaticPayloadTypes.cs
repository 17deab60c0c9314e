namespace CallCenter.Media.Sdp;

/// <summary>
/// The payload types RFC 3551 §6 (tables 4 and 5) assigns statically. A static payload type needs no
/// a=rtpmap; when one is present it must agree with the assignment. 96-127 are dynamic; the numbers the
/// RFC leaves unassigned or reserved (1, 2, 19-24, 27, 29, 30, 35-95) have no implied codec.
/// </summary>
public static class StaticPayloadTypes
{
    /// <summary>The first dynamic payload type (RFC 3551 §3).</summary>
    public const int FirstDynamic = 96;

    /// <summary>The largest RTP payload type (seven bits).</summary>
    public const int Max = 127;

    /// <summary>The codec RFC 3551 assigns to <paramref name="payloadType"/>, as an rtpmap; null when none.</summary>
    public static RtpMapAttribute? Lookup(int payloadType) => payloadType switch
    {
        0 => new(0, "PCMU", 8000, 1),
        3 => new(3, "GSM", 8000, 1),
        4 => new(4, "G723", 8000, 1),
        5 => new(5, "DVI4", 8000, 1),
        6 => new(6, "DVI4", 16000, 1),
        7 => new(7, "LPC", 8000, 1),
        8 => new(8, "PCMA", 8000, 1),
        // G722's RTP clock rate is 8000 although it samples at 16 kHz (RFC 3551 §4.5.2).
        9 => new(9, "G722", 8000, 1),
        10 => new(10, "L16", 44100, 2),
        11 => new(11, "L16", 44100, 1),
        12 => new(12, "QCELP", 8000, 1),
        13 => new(13, "CN", 8000, 1),
        14 => new(14, "MPA", 90000),
        15 => new(15, "G728", 8000, 1),
        16 => new(16, "DVI4", 11025, 1),
        17 => new(17, "DVI4", 22050, 1),
        18 => new(18, "G729", 8000, 1),
        25 => new(25, "CelB", 90000),
        26 => new(26, "JPEG", 90000),
        28 => new(28, "nv", 90000),
        31 => new(31, "H261", 90000),
        32 => new(32, "MPV", 90000),
        33 => new(33, "MP2T", 90000),
        34 => new(34, "H263", 90000),
        _ => null,
    };

    /// <summary>
    /// The RFC 3551 assignment that <paramref name="rtpMap"/> contradicts (another encoding name, clock rate or
    /// channel count for a static payload type), or null when it agrees or the payload type has no assignment.
    /// </summary>
    public static RtpMapAttribute? Contradicted(RtpMapAttribute rtpMap)
    {
        var assigned = Lookup(rtpMap.PayloadType);
        if (assigned is null)
        {
            return null;
        }

        var agrees = string.Equals(assigned.EncodingName, rtpMap.EncodingName, StringComparison.OrdinalIgnoreCase)
            && assigned.ClockRate == rtpMap.ClockRate
            && (assigned.Channels is null || (rtpMap.Channels ?? 1) == assigned.Channels);
        return agrees ? null : assigned;
    }

    /// <summary>True for 96-127.</summary>
    public static bool IsDynamic(int payloadType) => payloadType is >= FirstDynamic and <= Max;
}
