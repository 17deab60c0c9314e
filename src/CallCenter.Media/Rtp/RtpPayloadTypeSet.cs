namespace CallCenter.Media.Rtp;

/// <summary>
/// An immutable set of RTP payload types (0–127), held as a 128-bit mask so a membership test costs two
/// instructions on the receive path. Typically the payload types negotiated in SDP (audio codec plus
/// telephone-event).
/// </summary>
public readonly record struct RtpPayloadTypeSet
{
    private readonly ulong _low;
    private readonly ulong _high;

    private RtpPayloadTypeSet(ulong low, ulong high)
    {
        _low = low;
        _high = high;
    }

    /// <summary>The set with no payload type.</summary>
    public static RtpPayloadTypeSet Empty => default;

    /// <summary>The set of every payload type 0–127.</summary>
    public static RtpPayloadTypeSet All => new(ulong.MaxValue, ulong.MaxValue);

    /// <summary>True when the set has no member.</summary>
    public bool IsEmpty => (_low | _high) == 0;

    /// <summary>The set of <paramref name="payloadTypes"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A payload type exceeds 127.</exception>
    public static RtpPayloadTypeSet Of(params ReadOnlySpan<byte> payloadTypes)
    {
        var set = Empty;
        foreach (byte payloadType in payloadTypes)
        {
            set = set.With(payloadType);
        }

        return set;
    }

    /// <summary>This set plus <paramref name="payloadType"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The payload type exceeds 127.</exception>
    public RtpPayloadTypeSet With(byte payloadType)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, RtpHeader.MaxPayloadType);
        return payloadType < 64
            ? new RtpPayloadTypeSet(_low | (1UL << payloadType), _high)
            : new RtpPayloadTypeSet(_low, _high | (1UL << (payloadType - 64)));
    }

    /// <summary>True when <paramref name="payloadType"/> is in the set; false for values above 127.</summary>
    public bool Contains(byte payloadType) => payloadType switch
    {
        < 64 => (_low & (1UL << payloadType)) != 0,
        <= RtpHeader.MaxPayloadType => (_high & (1UL << (payloadType - 64))) != 0,
        _ => false,
    };

    /// <inheritdoc />
    public override string ToString()
    {
        var members = new List<int>();
        for (int payloadType = 0; payloadType <= RtpHeader.MaxPayloadType; payloadType++)
        {
            if (Contains((byte)payloadType))
            {
                members.Add(payloadType);
            }
        }

        return "{" + string.Join(",", members) + "}";
    }
}
