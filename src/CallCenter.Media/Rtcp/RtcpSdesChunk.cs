using System.Buffers.Binary;

namespace CallCenter.Media.Rtcp;

/// <summary>One SDES chunk (RFC 3550 §6.5): a source identifier and its items. Enumerate it for the items.</summary>
public readonly ref struct RtcpSdesChunk
{
    private readonly ReadOnlySpan<byte> _items;

    internal RtcpSdesChunk(uint ssrc, ReadOnlySpan<byte> items)
    {
        Ssrc = ssrc;
        _items = items;
    }

    /// <summary>The SSRC or CSRC the items describe.</summary>
    public uint Ssrc { get; }

    /// <summary>Enumerates the items, in order, up to the terminating null octet.</summary>
    public ItemEnumerator GetEnumerator() => new(_items);

    /// <summary>
    /// Measures the chunk at the start of <paramref name="data"/>: total length including the null terminator and
    /// the padding to the next 32-bit boundary, and the length of the item list. False when anything runs past.
    /// </summary>
    internal static bool TryMeasure(ReadOnlySpan<byte> data, out int chunkLength, out int itemsLength)
    {
        chunkLength = 0;
        itemsLength = 0;
        if (data.Length < 4)
        {
            return false;
        }

        int position = 4;
        while (position < data.Length)
        {
            if (data[position] == (byte)SdesItemType.End)
            {
                itemsLength = position - 4;

                // §6.5: the null type octet ends the list; more nulls pad the chunk to a 32-bit boundary.
                int end = (position + 4) & ~3;
                if (end > data.Length)
                {
                    return false;
                }

                chunkLength = end;
                return true;
            }

            if (position + 2 > data.Length)
            {
                return false;
            }

            position += 2 + data[position + 1];
        }

        return false;
    }

    internal static RtcpSdesChunk Read(ReadOnlySpan<byte> data, int itemsLength) =>
        new(BinaryPrimitives.ReadUInt32BigEndian(data), data.Slice(4, itemsLength));

    /// <summary>Walks the items of a chunk.</summary>
    public ref struct ItemEnumerator
    {
        private readonly ReadOnlySpan<byte> _items;
        private int _next;
        private RtcpSdesItem _current;

        internal ItemEnumerator(ReadOnlySpan<byte> items)
        {
            _items = items;
            _next = 0;
            _current = default;
        }

        /// <summary>The item the enumerator is on.</summary>
        public readonly RtcpSdesItem Current => _current;

        /// <summary>Moves to the next item; false at the end.</summary>
        public bool MoveNext()
        {
            // The item list was measured when the packet was parsed, so every announced length fits.
            if (_next + 2 > _items.Length)
            {
                return false;
            }

            int length = _items[_next + 1];
            if (_next + 2 + length > _items.Length)
            {
                return false;
            }

            _current = new RtcpSdesItem(_items[_next], _items.Slice(_next + 2, length));
            _next += 2 + length;
            return true;
        }
    }
}
