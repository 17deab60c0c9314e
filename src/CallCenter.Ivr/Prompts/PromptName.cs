using System.Buffers;

namespace CallCenter.Ivr.Prompts;

/// <summary>
/// The rule for prompt names in flow files: a path relative to a language folder, without <c>.wav</c>, made of
/// segments of letters, digits, '-' and '_' separated by '/' (e.g. <c>welcome</c>, <c>main/choose-language</c>,
/// <c>digits/3</c>). The rule keeps names from escaping the audio folder.
/// </summary>
public static class PromptName
{
    /// <summary>Longest name accepted; far beyond any real prompt path.</summary>
    public const int MaxLength = 200;

    private static readonly SearchValues<char> SegmentCharacters =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-");

    /// <summary>True when <paramref name="name"/> follows the rule.</summary>
    public static bool IsValid(string name)
    {
        if (name.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var segment in name.AsSpan().Split('/'))
        {
            ReadOnlySpan<char> text = name.AsSpan(segment);
            if (text.IsEmpty || text.ContainsAnyExcept(SegmentCharacters))
            {
                return false;
            }
        }

        return true;
    }
}
