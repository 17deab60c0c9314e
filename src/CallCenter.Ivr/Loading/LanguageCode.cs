using System.Text.RegularExpressions;

namespace CallCenter.Ivr.Loading;

/// <summary>The form of a prompt language: a lowercase language code, optionally with a region (<c>en</c>, <c>tl</c>, <c>en-GB</c>).</summary>
internal static partial class LanguageCode
{
    public static bool IsValid(string text) => Pattern().IsMatch(text);

    [GeneratedRegex(@"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
