namespace CallCenter.Media.Dtmf;

/// <summary>
/// The DTMF frequency grid (ITU-T Q.23): each key sounds one low-group (row) and one high-group (column)
/// frequency at the same time.
/// <code>
///            1209  1336  1477  1633 Hz
///   697 Hz     1     2     3     A
///   770 Hz     4     5     6     B
///   852 Hz     7     8     9     C
///   941 Hz     *     0     #     D
/// </code>
/// </summary>
public static class DtmfKeypad
{
    private const string Layout = "123A456B789C*0#D";

    /// <summary>Low-group frequencies in Hz, one per keypad row.</summary>
    public static ReadOnlySpan<double> RowFrequencies => [697, 770, 852, 941];

    /// <summary>High-group frequencies in Hz, one per keypad column.</summary>
    public static ReadOnlySpan<double> ColumnFrequencies => [1209, 1336, 1477, 1633];

    /// <summary>The key at a row and column (0–3 each).</summary>
    public static char KeyAt(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)row, 3u, nameof(row));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)column, 3u, nameof(column));
        return Layout[(row * 4) + column];
    }

    /// <summary>The two frequencies of a key (a–d accepted for A–D); false for anything else.</summary>
    public static bool TryGetFrequencies(char digit, out double low, out double high)
    {
        var index = Layout.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        if (index < 0)
        {
            low = high = 0;
            return false;
        }

        low = RowFrequencies[index / 4];
        high = ColumnFrequencies[index % 4];
        return true;
    }
}
