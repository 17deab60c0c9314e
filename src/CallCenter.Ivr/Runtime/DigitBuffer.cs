namespace CallCenter.Ivr.Runtime;

/// <summary>
/// The keys a collect node has gathered so far. The array is made the first time a run collects digits and is
/// then reused, so menus-only calls never pay for it.
/// </summary>
internal struct DigitBuffer
{
    /// <summary>The most a collect node may ask for (<c>max-digits</c> is 1–32).</summary>
    public const int Capacity = 32;

    private char[]? _keys;

    public int Count { get; private set; }

    public void Append(char key)
    {
        _keys ??= new char[Capacity];
        if (Count < Capacity)
        {
            _keys[Count++] = key;
        }
    }

    public void Clear() => Count = 0;

    public override readonly string ToString() => Count == 0 ? string.Empty : new string(_keys!, 0, Count);
}
