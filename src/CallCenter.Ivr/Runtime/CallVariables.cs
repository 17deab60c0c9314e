using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Ivr.Runtime;

/// <summary>
/// A call's variables (<c>caller</c>, <c>dialled</c>, <c>language</c> and whatever <c>set</c> and <c>collect</c>
/// nodes store). A call has a handful, so they live in one small array searched in order: less memory per call
/// than a dictionary, and as fast at this size. Names are case-sensitive, as in the flow file.
/// </summary>
public sealed class CallVariables : IReadOnlyDictionary<string, string>
{
    private KeyValuePair<string, string>[] _entries;
    private int _count;

    internal CallVariables(int capacity) => _entries = new KeyValuePair<string, string>[capacity];

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public string this[string key] => TryGetValue(key, out string? value) ? value : throw new KeyNotFoundException($"No call variable '{key}'.");

    /// <inheritdoc />
    public IEnumerable<string> Keys => this.Select(e => e.Key);

    /// <inheritdoc />
    public IEnumerable<string> Values => this.Select(e => e.Value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        int index = IndexOf(key);
        if (index < 0)
        {
            value = null;
            return false;
        }

        value = _entries[index].Value;
        return true;
    }

    /// <summary>The value, or null when the variable is not set.</summary>
    public string? GetValueOrNull(string key) => GetValueOrNull(key.AsSpan());

    /// <summary>The value of the variable named by <paramref name="key"/> (a slice of a template), or null; nothing is allocated.</summary>
    internal string? GetValueOrNull(ReadOnlySpan<char> key)
    {
        int index = IndexOf(key);
        return index < 0 ? null : _entries[index].Value;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return _entries[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A copy of <paramref name="source"/>, in its order, so a new run can change its variables without touching the old one's.</summary>
    internal static CallVariables CopyOf(IReadOnlyDictionary<string, string> source)
    {
        var copy = new CallVariables(Math.Max(4, source.Count));
        foreach (var (name, value) in source)
        {
            copy.Set(name, value);
        }

        return copy;
    }

    /// <summary>Sets or replaces a variable.</summary>
    internal void Set(string key, string value)
    {
        int index = IndexOf(key);
        if (index >= 0)
        {
            _entries[index] = new(key, value);
            return;
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
        }

        _entries[_count++] = new(key, value);
    }

    private int IndexOf(ReadOnlySpan<char> key)
    {
        for (int i = 0; i < _count; i++)
        {
            if (key.SequenceEqual(_entries[i].Key))
            {
                return i;
            }
        }

        return -1;
    }
}
