namespace CallCenter.Auth.Parsing;

/// <summary>Keeps attacker-supplied text in error messages short: errors end up in logs.</summary>
internal static class ErrorText
{
    private const int MaxExcerptLength = 40;

    public static string Excerpt(ReadOnlySpan<char> value) =>
        value.Length <= MaxExcerptLength ? value.ToString() : string.Concat(value[..MaxExcerptLength], "…");
}
