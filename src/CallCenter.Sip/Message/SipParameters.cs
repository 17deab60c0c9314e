using System.Text;

namespace CallCenter.Sip.Message;

/// <summary>
/// An ordered list of <c>;name[=value]</c> parameters (URI parameters, or header parameters such as
/// tag, branch, expires, q). Names compare case-insensitively (RFC 3261 §7.3.1, §19.1.4).
/// A value of null means the parameter had no value (e.g. <c>;lr</c>, <c>;rport</c>).
/// </summary>
public sealed class SipParameters
{
    private readonly List<KeyValuePair<string, string?>> _items = [];

    /// <summary>Number of parameters.</summary>
    public int Count => _items.Count;

    /// <summary>All parameters in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Items => _items;

    /// <summary>True when the parameter is present (with or without a value).</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>The value, or null when absent or valueless.</summary>
    public string? Get(string name)
    {
        var i = IndexOf(name);
        return i < 0 ? null : _items[i].Value;
    }

    /// <summary>Sets or adds a parameter, keeping its position when it exists.</summary>
    public void Set(string name, string? value)
    {
        var i = IndexOf(name);
        if (i < 0)
        {
            _items.Add(new(name, value));
        }
        else
        {
            _items[i] = new(_items[i].Key, value);
        }
    }

    /// <summary>Removes a parameter; true when it was there.</summary>
    public bool Remove(string name)
    {
        var i = IndexOf(name);
        if (i < 0)
        {
            return false;
        }

        _items.RemoveAt(i);
        return true;
    }

    /// <summary>Copies the parameters.</summary>
    public SipParameters Clone()
    {
        var copy = new SipParameters();
        copy._items.AddRange(_items);
        return copy;
    }

    /// <summary>Appends <c>;name=value</c> for each parameter.</summary>
    public void AppendTo(StringBuilder builder)
    {
        foreach (var (name, value) in _items)
        {
            builder.Append(';').Append(name);
            if (value is not null)
            {
                builder.Append('=').Append(value);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    /// <summary>
    /// Parses <c>*( SEMI generic-param )</c> from <paramref name="s"/> starting at a ';' (white space
    /// around ';' and '=' allowed, as LWS permits). Values may be tokens, hosts or quoted strings
    /// (kept with their quotes). Stops at <paramref name="stopChar"/> or the end.
    /// </summary>
    internal static bool TryParse(string s, ref int i, SipParameters into, out string error, char stopChar = '\0', bool allowLws = true)
    {
        while (true)
        {
            if (allowLws)
            {
                i = SipSyntax.SkipWhite(s, i);
            }

            if (i >= s.Length || s[i] == stopChar)
            {
                error = string.Empty;
                return true;
            }

            if (s[i] != ';')
            {
                error = $"unexpected '{s[i]}' where a ';' parameter was expected";
                return false;
            }

            i++;
            if (allowLws)
            {
                i = SipSyntax.SkipWhite(s, i);
            }

            var nameStart = i;
            while (i < s.Length && IsParamChar(s[i]))
            {
                i++;
            }

            if (i == nameStart)
            {
                error = "empty parameter name";
                return false;
            }

            var name = s[nameStart..i];
            var j = allowLws ? SipSyntax.SkipWhite(s, i) : i;
            string? value = null;
            if (j < s.Length && s[j] == '=')
            {
                j++;
                if (allowLws)
                {
                    j = SipSyntax.SkipWhite(s, j);
                }

                if (j < s.Length && s[j] == '"')
                {
                    var end = SipSyntax.ReadQuoted(s, j, out _);
                    if (end < 0)
                    {
                        error = $"parameter '{name}' has an unterminated quoted value";
                        return false;
                    }

                    value = s[j..end];
                    j = end;
                }
                else
                {
                    var valueStart = j;
                    while (j < s.Length && (IsParamChar(s[j]) || s[j] is '[' or ']' or ':'))
                    {
                        j++;
                    }

                    if (j == valueStart)
                    {
                        error = $"parameter '{name}' has '=' but no value";
                        return false;
                    }

                    value = s[valueStart..j];
                }

                i = j;
            }

            into._items.Add(new(name, value));
        }
    }

    // URI params also allow the param-unreserved set and escapes (RFC 3261 §25.1 paramchar).
    private static bool IsParamChar(char c) => SipSyntax.IsTokenChar(c) || c is '/' or '&' or '$' or '(' or ')';

    private int IndexOf(string name)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
