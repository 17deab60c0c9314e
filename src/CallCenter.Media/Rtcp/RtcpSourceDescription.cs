namespace CallCenter.Media.Rtcp;

/// <summary>
/// A parsed SDES packet (RFC 3550 §6.5): one chunk per source, each with its items. Every chunk was measured when
/// parsed, so enumerating never reads out of bounds. Bytes after the announced chunks are ignored.
/// </summary>
public readonly ref struct RtcpSourceDescription
{
    private readonly ReadOnlySpan<byte> _body;

    private RtcpSourceDescription(ReadOnlySpan<byte> body, int chunkCount)
    {
        _body = body;
        ChunkCount = chunkCount;
    }

    /// <summary>Number of chunks (the SC field).</summary>
    public int ChunkCount { get; }

    /// <summary>Enumerates the chunks in order.</summary>
    public ChunkEnumerator GetEnumerator() => new(_body, ChunkCount);

    /// <summary>Finds the first item of <paramref name="type"/> describing <paramref name="ssrc"/>.</summary>
    public bool TryGetItem(uint ssrc, SdesItemType type, out ReadOnlySpan<byte> value)
    {
        foreach (var chunk in this)
        {
            if (chunk.Ssrc != ssrc)
            {
                continue;
            }

            foreach (var item in chunk)
            {
                if (item.Type == (byte)type)
                {
                    value = item.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>Reads <paramref name="packet"/> as an SDES packet, measuring every chunk; never throws.</summary>
    public static bool TryParse(RtcpPacket packet, out RtcpSourceDescription description, out RtcpParseError error)
    {
        description = default;
        if (packet.PacketType != (byte)RtcpPacketType.SourceDescription)
        {
            error = RtcpParseError.WrongPacketType;
            return false;
        }

        var body = packet.Body;
        int offset = 0;
        for (int i = 0; i < packet.Count; i++)
        {
            if (!RtcpSdesChunk.TryMeasure(body[offset..], out int chunkLength, out _))
            {
                error = RtcpParseError.SourceDescriptionTruncated;
                return false;
            }

            offset += chunkLength;
        }

        description = new RtcpSourceDescription(body, packet.Count);
        error = RtcpParseError.None;
        return true;
    }

    /// <summary>Walks the chunks of an SDES packet.</summary>
    public ref struct ChunkEnumerator
    {
        private readonly ReadOnlySpan<byte> _body;
        private int _remaining;
        private int _next;
        private RtcpSdesChunk _current;

        internal ChunkEnumerator(ReadOnlySpan<byte> body, int count)
        {
            _body = body;
            _remaining = count;
            _next = 0;
            _current = default;
        }

        /// <summary>The chunk the enumerator is on.</summary>
        public readonly RtcpSdesChunk Current => _current;

        /// <summary>Moves to the next chunk; false at the end.</summary>
        public bool MoveNext()
        {
            if (_remaining == 0 || !RtcpSdesChunk.TryMeasure(_body[_next..], out int chunkLength, out int itemsLength))
            {
                return false;
            }

            _current = RtcpSdesChunk.Read(_body[_next..], itemsLength);
            _next += chunkLength;
            _remaining--;
            return true;
        }
    }
}
