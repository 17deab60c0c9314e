using System.Text.RegularExpressions;

namespace CallCenter.Ivr.Definition;

/// <summary>
/// A regular expression the collected digits must match in full (e.g. <c>[0-9]{6,10}</c>). Compiled once at load
/// with a match timeout so a badly written pattern cannot stall a call.
/// </summary>
public sealed class DigitPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    private readonly Regex _regex;

    private DigitPattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Compiles <paramref name="text"/>; false with the reason when it is not a valid pattern.</summary>
    public static bool TryCreate(string text, out DigitPattern? pattern, out string? error)
    {
        try
        {
            // Anchored so "[0-9]{6}" means exactly six digits, as an operator reading the file expects.
            var regex = new Regex("^(?:" + text + ")$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
            pattern = new DigitPattern(text, regex);
            error = null;
            return true;
        }
        catch (ArgumentException e)
        {
            pattern = null;
            error = e.Message;
            return false;
        }
        catch (NotSupportedException e)
        {
            pattern = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>True when <paramref name="digits"/> matches the whole pattern.</summary>
    public bool IsMatch(string digits)
    {
        try
        {
            return _regex.IsMatch(digits);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
