using CallCenter.Auth.Parsing;

namespace CallCenter.Auth.Formatting;

/// <summary>Guards for values that will be written into a header.</summary>
internal static class HeaderText
{
    /// <summary>
    /// Rejects values that could break out of the header (CR, LF or other control characters):
    /// quoted-string escaping cannot represent them (RFC 3261 §25.1 quoted-pair excludes CR and LF).
    /// </summary>
    public static string RequireSafe(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (HeaderCharacters.ContainsControl(value))
        {
            throw new ArgumentException($"The {parameterName} must not contain control characters.", parameterName);
        }

        return value;
    }

    /// <summary>As <see cref="RequireSafe"/>, allowing null for optional values.</summary>
    public static string? RequireSafeOrNull(string? value, string parameterName) =>
        value is null ? null : RequireSafe(value, parameterName);

    /// <summary>Rejects a value that is not a token (it would be written unquoted).</summary>
    public static string RequireToken(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (!HeaderCharacters.IsToken(value))
        {
            throw new ArgumentException($"The {parameterName} must be a non-empty token.", parameterName);
        }

        return value;
    }
}
