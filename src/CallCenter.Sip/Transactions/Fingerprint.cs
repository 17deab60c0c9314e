namespace CallCenter.Sip.Transactions;

/// <summary>
/// A 64-bit digest of a few fields, for indexing completed transactions without keeping the strings themselves. It
/// is two 32-bit <see cref="HashCode"/> digests (randomly seeded per process, so peers cannot aim for collisions)
/// started from different salts. A digest is only an index: every hit is confirmed against the full values.
/// </summary>
internal struct Fingerprint
{
    private HashCode _high;
    private HashCode _low;

    /// <summary>A digest with a purpose salt, so that different kinds of key do not share values.</summary>
    public Fingerprint(int purpose)
    {
        _high = default;
        _low = default;
        _high.Add(purpose);
        _low.Add(~purpose ^ 0x3C6EF372);
    }

    /// <summary>Adds a string compared ordinally (and null apart from empty).</summary>
    public void AddOrdinal(string? value)
    {
        if (value is null)
        {
            AddChar(char.MaxValue);
            return;
        }

        foreach (var c in value)
        {
            AddChar(c);
        }

        AddChar('\0');
    }

    /// <summary>
    /// Adds a string compared case-insensitively. Only ASCII letters are folded: the values hashed this way (Via
    /// branch and host) are tokens and host names, ASCII by their grammar (RFC 3261 §25.1), and a retransmission
    /// repeats them unchanged anyway.
    /// </summary>
    public void AddAsciiCaseless(string value)
    {
        foreach (var c in value)
        {
            AddChar(c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c);
        }

        AddChar('\0');
    }

    /// <summary>Adds a number.</summary>
    public void Add(long value)
    {
        _high.Add(value);
        _low.Add(value);
    }

    /// <summary>The digest; never 0, which stands for "none".</summary>
    public readonly ulong ToUInt64()
    {
        var high = _high;
        var low = _low;
        var value = ((ulong)(uint)high.ToHashCode() << 32) | (uint)low.ToHashCode();
        return value == 0 ? 1 : value;
    }

    private void AddChar(char c)
    {
        _high.Add(c);
        _low.Add(c);
    }
}
