namespace CallCenter.Media.Dtmf;

/// <summary>
/// The payload of an RTP telephone-event packet: one or more 4-byte event blocks back to back.
/// Several blocks appear when a sender packs consecutive events into one packet (RFC 4733 §2.5.1.5):
/// the RTP timestamp is the start of the first block's event and each later event starts where the
/// previous one's duration ends.
/// </summary>
public static class TelephoneEventPayload
{
    /// <summary>
    /// Splits a payload into its blocks without throwing. A payload must hold at least one block
    /// and a whole number of blocks (RTP padding has already been removed by the RTP layer).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent[] events, out string error)
    {
        events = [];
        if (!TryCount(payload, out var count, out error))
        {
            return false;
        }

        events = new TelephoneEvent[count];
        for (var i = 0; i < count; i++)
        {
            TelephoneEvent.TryRead(payload[(i * TelephoneEvent.Size)..], out events[i]);
        }

        return true;
    }

    /// <summary>Checks a payload's length and gives the number of blocks in it, without reading them.</summary>
    public static bool TryCount(ReadOnlySpan<byte> payload, out int count, out string error)
    {
        count = 0;
        if (payload.IsEmpty)
        {
            error = "telephone-event payload is empty";
            return false;
        }

        if (payload.Length % TelephoneEvent.Size != 0)
        {
            error = $"telephone-event payload is {payload.Length} bytes, not a multiple of {TelephoneEvent.Size}";
            return false;
        }

        count = payload.Length / TelephoneEvent.Size;
        error = string.Empty;
        return true;
    }

    /// <summary>Bytes needed for <paramref name="count"/> blocks.</summary>
    public static int GetSize(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return checked(count * TelephoneEvent.Size);
    }

    /// <summary>Writes the blocks back to back; returns the number of bytes written.</summary>
    public static int Write(ReadOnlySpan<TelephoneEvent> events, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfZero(events.Length, nameof(events));
        var size = GetSize(events.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, size, nameof(destination));
        for (var i = 0; i < events.Length; i++)
        {
            events[i].WriteTo(destination[(i * TelephoneEvent.Size)..]);
        }

        return size;
    }

    /// <summary>The payload bytes for the given blocks.</summary>
    public static byte[] ToBytes(params ReadOnlySpan<TelephoneEvent> events)
    {
        var bytes = new byte[GetSize(events.Length)];
        Write(events, bytes);
        return bytes;
    }
}
