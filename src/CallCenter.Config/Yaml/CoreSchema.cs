using System.Globalization;
using System.Text.RegularExpressions;

namespace CallCenter.Config.Yaml;

/// <summary>
/// Resolves untagged plain scalars with the YAML 1.2 core schema (YAML 1.2.2 §10.3.2), so that
/// for example <c>yes</c> stays text (it is a boolean only in YAML 1.1) and <c>0123</c> is an integer.
/// </summary>
public static partial class CoreSchema
{
    /// <summary>The type of a plain (unquoted, untagged) scalar.</summary>
    public static ScalarType ResolvePlain(string text)
    {
        // Most scalars are words such as keys and names; every non-text form starts with one of
        // these characters, so the patterns below only run when they can match.
        if (text.Length > 0 && !"~nNtTfF.+-0123456789".Contains(text[0]))
        {
            return ScalarType.Text;
        }

        // Plain decimal digits (extensions, proficiencies) are by far the commonest number.
        if (text.Length > 0 && !text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return ScalarType.Integer;
        }

        if (NullPattern().IsMatch(text))
        {
            return ScalarType.Null;
        }

        if (BooleanPattern().IsMatch(text))
        {
            return ScalarType.Boolean;
        }

        if (IntegerPattern().IsMatch(text))
        {
            return ScalarType.Integer;
        }

        return FloatPattern().IsMatch(text) ? ScalarType.Float : ScalarType.Text;
    }

    /// <summary>
    /// Reads a core-schema integer (decimal, <c>0o</c> octal or <c>0x</c> hex). False when the
    /// text is not an integer or does not fit in 64 bits.
    /// </summary>
    public static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        if (!IntegerPattern().IsMatch(text))
        {
            return false;
        }

        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            bool parsed = ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong hex);
            value = (long)hex;
            return parsed && hex <= long.MaxValue;
        }

        if (text.StartsWith("0o", StringComparison.Ordinal))
        {
            return TryParseOctal(text.AsSpan(2), out value);
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseOctal(ReadOnlySpan<char> digits, out long value)
    {
        value = 0;
        foreach (char digit in digits)
        {
            if (value > (long.MaxValue >> 3))
            {
                return false;
            }

            value = (value << 3) | (long)(digit - '0');
        }

        return true;
    }

    [GeneratedRegex(@"^(?:|~|null|Null|NULL)\z")]
    private static partial Regex NullPattern();

    [GeneratedRegex(@"^(?:true|True|TRUE|false|False|FALSE)\z")]
    private static partial Regex BooleanPattern();

    [GeneratedRegex(@"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\z")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\z")]
    private static partial Regex FloatPattern();
}
