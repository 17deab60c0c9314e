using System.Collections;
using System.Text;

namespace CallCenter.Sip.Message;

/// <summary>
/// The ordered header fields of a SIP message. Order matters (Via, Route and Record-Route are
/// processed top-down, RFC 3261 §7.3.1), so fields are kept in arrival order and duplicates kept.
/// Values from the wire are decoded lazily; a folded value is unfolded to single spaces (§7.3.1).
/// </summary>
public sealed class SipHeaders : IEnumerable<KeyValuePair<string, string>>
{
    private ReadOnlyMemory<byte> _source;
    private HeaderField[] _fields;
    private int _count;

    /// <summary>Creates an empty header collection for a message built in code.</summary>
    public SipHeaders()
        : this(ReadOnlyMemory<byte>.Empty, 8)
    {
    }

    internal SipHeaders(ReadOnlyMemory<byte> source, int capacity)
    {
        _source = source;
        _fields = new HeaderField[capacity];
    }

    /// <summary>Bumped on every change, so typed views cached by the message know to re-parse.</summary>
    internal int Version { get; private set; }

    /// <summary>Number of header lines (a comma-separated line counts once).</summary>
    public int Count => _count;

    internal ReadOnlyMemory<byte> Source => _source;

    internal ref HeaderField FieldAt(int index) => ref _fields[index];

    internal void AddFromSource(in HeaderField field)
    {
        EnsureCapacity(_count + 1);
        _fields[_count++] = field;
    }

    internal void ExtendLastValue(int newEnd)
    {
        ref var last = ref _fields[_count - 1];
        last.ValueLength = newEnd - last.ValueStart;
    }

    /// <summary>The header's identity, <see cref="KnownHeader.Unknown"/> for extension headers.</summary>
    public KnownHeader IdAt(int index) => _fields[CheckIndex(index)].Id;

    /// <summary>The header name: canonical long form for known headers, as received otherwise.</summary>
    public string NameAt(int index)
    {
        ref var field = ref _fields[CheckIndex(index)];
        if (field.Name is null)
        {
            field.Name = field.Id != KnownHeader.Unknown
                ? HeaderNames.Canonical(field.Id)
                : Encoding.UTF8.GetString(_source.Span.Slice(field.NameStart, field.NameLength));
        }

        return field.Name;
    }

    /// <summary>The header value, unfolded and trimmed.</summary>
    public string ValueAt(int index)
    {
        ref var field = ref _fields[CheckIndex(index)];
        field.Value ??= DecodeValue(_source.Span.Slice(field.ValueStart, field.ValueLength));
        return field.Value;
    }

    /// <summary>Index of the first field with this identity at or after <paramref name="start"/>, or -1.</summary>
    public int IndexOf(KnownHeader id, int start = 0)
    {
        for (var i = start; i < _count; i++)
        {
            if (_fields[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the first field with this name (any form, any case) or -1.</summary>
    public int IndexOf(string name, int start = 0)
    {
        var id = HeaderNames.Lookup(name);
        if (id != KnownHeader.Unknown)
        {
            return IndexOf(id, start);
        }

        for (var i = start; i < _count; i++)
        {
            if (_fields[i].Id == KnownHeader.Unknown && string.Equals(NameAt(i), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when at least one field has this identity.</summary>
    public bool Contains(KnownHeader id) => IndexOf(id) >= 0;

    /// <summary>The first value of a header, or null when absent.</summary>
    public string? this[KnownHeader id]
    {
        get
        {
            var index = IndexOf(id);
            return index < 0 ? null : ValueAt(index);
        }
    }

    /// <summary>The first value of a header named in any form, or null when absent.</summary>
    public string? this[string name]
    {
        get
        {
            var index = IndexOf(name);
            return index < 0 ? null : ValueAt(index);
        }
    }

    /// <summary>How many lines carry this header.</summary>
    public int CountOf(KnownHeader id)
    {
        var n = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_fields[i].Id == id)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Every line's value for this header, in order (not split at commas).</summary>
    public IEnumerable<string> ValuesOf(KnownHeader id)
    {
        for (var i = IndexOf(id); i >= 0; i = IndexOf(id, i + 1))
        {
            yield return ValueAt(i);
        }
    }

    /// <summary>
    /// Every element of a list header (RFC 3261 §7.3.1): each line split at top-level commas.
    /// </summary>
    public List<string> ElementsOf(KnownHeader id)
    {
        var result = new List<string>();
        for (var i = IndexOf(id); i >= 0; i = IndexOf(id, i + 1))
        {
            HeaderValueSplitter.SplitInto(ValueAt(i), result);
        }

        return result;
    }

    /// <summary>Appends a header line.</summary>
    public void Add(KnownHeader id, string value) => Insert(_count, id, value);

    /// <summary>Appends a header line by name; known names (any form) are recognised.</summary>
    public void Add(string name, string value)
    {
        var id = HeaderNames.Lookup(name);
        InsertField(_count, HeaderField.FromStrings(id, id == KnownHeader.Unknown ? name : HeaderNames.Canonical(id), value));
    }

    /// <summary>Inserts a header line at a position (0 puts a Via on top).</summary>
    public void Insert(int index, KnownHeader id, string value)
    {
        if (id == KnownHeader.Unknown)
        {
            throw new ArgumentException("Use Add(name, value) for extension headers.", nameof(id));
        }

        InsertField(index, HeaderField.FromStrings(id, HeaderNames.Canonical(id), value));
    }

    /// <summary>Replaces all lines of this header with one line, or removes them when value is null.</summary>
    public void Set(KnownHeader id, string? value)
    {
        var first = IndexOf(id);
        RemoveAll(id);
        if (value is not null)
        {
            Insert(first < 0 ? _count : Math.Min(first, _count), id, value);
        }
    }

    /// <summary>Replaces the value of one line, keeping its position.</summary>
    public void SetValueAt(int index, string value)
    {
        ref var field = ref _fields[CheckIndex(index)];
        field.Value = value;
        field.ValueStart = -1;
        if (field.Name is null)
        {
            field.Name = NameAt(index);
        }

        field.NameStart = -1;
        Version++;
    }

    /// <summary>Removes one line.</summary>
    public void RemoveAt(int index)
    {
        CheckIndex(index);
        Array.Copy(_fields, index + 1, _fields, index, _count - index - 1);
        _fields[--_count] = default;
        Version++;
    }

    /// <summary>Removes every line of this header; returns how many were removed.</summary>
    public int RemoveAll(KnownHeader id)
    {
        var removed = 0;
        for (var i = IndexOf(id); i >= 0; i = IndexOf(id, i))
        {
            RemoveAt(i);
            removed++;
        }

        return removed;
    }

    /// <summary>Copies every line of <paramref name="id"/> from another message, in order.</summary>
    public void CopyFrom(SipHeaders other, KnownHeader id)
    {
        for (var i = other.IndexOf(id); i >= 0; i = other.IndexOf(id, i + 1))
        {
            Add(id, other.ValueAt(i));
        }
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, string>(NameAt(i), ValueAt(i));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Raw value bytes for a field still pointing into the source, else empty.</summary>
    internal ReadOnlySpan<byte> RawValueAt(int index)
    {
        ref var field = ref _fields[index];
        return field.ValueStart >= 0 && field.Value is null
            ? _source.Span.Slice(field.ValueStart, field.ValueLength)
            : ReadOnlySpan<byte>.Empty;
    }

    private void InsertField(int index, HeaderField field)
    {
        if ((uint)index > (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        EnsureCapacity(_count + 1);
        Array.Copy(_fields, index, _fields, index + 1, _count - index);
        _fields[index] = field;
        _count++;
        Version++;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed > _fields.Length)
        {
            Array.Resize(ref _fields, Math.Max(needed, _fields.Length * 2));
        }
    }

    private int CheckIndex(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return index;
    }

    /// <summary>
    /// Decodes a value as UTF-8 (RFC 3261 §7.3.1 allows UTF-8 text) and replaces each line fold,
    /// with the white space around it, by one space as the RFC's LWS rule says it is equivalent to.
    /// </summary>
    internal static string DecodeValue(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var builder = new StringBuilder(raw.Length);
        var text = Encoding.UTF8.GetString(raw);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                while (builder.Length > 0 && builder[^1] is ' ' or '\t')
                {
                    builder.Length--;
                }

                while (i < text.Length && text[i] is '\r' or '\n' or ' ' or '\t')
                {
                    i++;
                }

                builder.Append(' ');
                continue;
            }

            builder.Append(c);
            i++;
        }

        return builder.ToString().Trim();
    }
}
