using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Auth.Parsing;

/// <summary>Value parsers shared by the credentials and challenge parsers.</summary>
internal static class DigestValueParsers
{
    /// <summary>
    /// Parses an algorithm value. Names this library does not implement (e.g. SHA-512-256 of
    /// RFC 7616 §3.3) are an error, so a client can move on to the next challenge.
    /// </summary>
    public static bool TryParseAlgorithm(
        AuthParameter parameter, [NotNullWhen(true)] out DigestAlgorithm? algorithm, out string error)
    {
        ReadOnlySpan<char> value = parameter.GetValueSpan();
        if (DigestAlgorithm.TryParse(value, out algorithm))
        {
            error = string.Empty;
            return true;
        }

        error = $"unsupported algorithm '{ErrorText.Excerpt(value)}'";
        return false;
    }

    /// <summary>Parses "true" / "false", case-insensitively (RFC 7616 §3.3 stale and userhash).</summary>
    public static bool TryParseBoolean(AuthParameter parameter, string name, out bool result, out string error)
    {
        ReadOnlySpan<char> value = parameter.GetValueSpan();
        error = string.Empty;
        if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            result = true;
            return true;
        }

        if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            result = false;
            return true;
        }

        result = false;
        error = $"parameter '{name}' must be 'true' or 'false'";
        return false;
    }
}
