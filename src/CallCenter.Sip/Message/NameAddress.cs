using System.Text;

namespace CallCenter.Sip.Message;

/// <summary>
/// The value of From, To, Contact, Route, Record-Route, P-Asserted-Identity…:
/// <c>( name-addr / addr-spec ) *( SEMI param )</c> (RFC 3261 §20.10, §25.1).
/// Without angle brackets, parameters after the URI belong to the header, not the URI (§20.10).
/// </summary>
public sealed class NameAddress
{
    /// <summary>Builds a name-addr around a URI.</summary>
    public NameAddress(SipUri uri, string? displayName = null)
    {
        Uri = uri;
        DisplayName = displayName;
    }

    /// <summary>Display name without quotes, or null.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The URI.</summary>
    public SipUri Uri { get; set; }

    /// <summary>Header parameters (tag, expires, q, lr…).</summary>
    public SipParameters Parameters { get; private init; } = new();

    /// <summary>The tag parameter (dialog identification, §19.3).</summary>
    public string? Tag
    {
        get => Parameters.Get("tag");
        set
        {
            if (value is null)
            {
                Parameters.Remove("tag");
            }
            else
            {
                Parameters.Set("tag", value);
            }
        }
    }

    /// <summary>Parses or throws <see cref="FormatException"/>; for trusted, code-supplied text.</summary>
    public static NameAddress Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException($"Invalid name-addr '{text}': {error}");

    /// <summary>Parses a single element (already split at list commas) without throwing.</summary>
    public static bool TryParse(string text, out NameAddress value, out string error)
    {
        value = null!;
        var s = text.Trim();
        if (s.Length == 0)
        {
            error = "empty address";
            return false;
        }

        string? displayName = null;
        var i = 0;
        string uriText;
        if (s[0] == '"')
        {
            i = SipSyntax.ReadQuoted(s, 0, out var quoted);
            if (i < 0)
            {
                error = "unterminated quoted display name";
                return false;
            }

            displayName = quoted;
            i = SipSyntax.SkipWhite(s, i);
            if (i >= s.Length || s[i] != '<')
            {
                error = "a quoted display name must be followed by <URI>";
                return false;
            }
        }
        else
        {
            var angle = s.IndexOf('<');
            if (angle >= 0)
            {
                var name = s[..angle].Trim();
                if (!IsTokenSequence(name))
                {
                    error = "display name has characters that must be quoted";
                    return false;
                }

                displayName = name.Length == 0 ? null : name;
                i = angle;
            }
        }

        if (i < s.Length && s[i] == '<')
        {
            var close = s.IndexOf('>', i);
            if (close < 0)
            {
                error = "missing '>'";
                return false;
            }

            uriText = s[(i + 1)..close];
            i = close + 1;
        }
        else
        {
            // addr-spec: the URI ends at the first ';'; it may not hold ',', '?' or ';' of its own (§20).
            var semicolon = s.IndexOf(';');
            uriText = semicolon < 0 ? s : s[..semicolon];
            i = semicolon < 0 ? s.Length : semicolon;
            if (uriText.AsSpan().IndexOfAny(",?") >= 0)
            {
                error = "a URI with ',' or '?' must be enclosed in <>";
                return false;
            }

            uriText = uriText.TrimEnd();
        }

        if (!SipUri.TryParse(uriText, out var uri, out error))
        {
            return false;
        }

        var parameters = new SipParameters();
        if (!SipParameters.TryParse(s, ref i, parameters, out error))
        {
            return false;
        }

        value = new NameAddress(uri, displayName) { Parameters = parameters };
        return true;
    }

    private static bool IsTokenSequence(string s)
    {
        foreach (var c in s)
        {
            if (!SipSyntax.IsTokenChar(c) && !SipSyntax.IsWhite(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder(96);
        if (!string.IsNullOrEmpty(DisplayName))
        {
            builder.Append(SipSyntax.Quote(DisplayName)).Append(' ');
        }

        builder.Append('<').Append(Uri).Append('>');
        Parameters.AppendTo(builder);
        return builder.ToString();
    }
}
