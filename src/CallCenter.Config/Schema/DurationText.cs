using System.Globalization;
using System.Text.RegularExpressions;

namespace CallCenter.Config.Schema;

/// <summary>Durations as operators write them: hours, minutes and seconds in that order, such as 45s, 10m or 1h30m.</summary>
internal static partial class DurationText
{
    /// <summary>Parses <paramref name="text"/>; false for anything else, including an overflowing value.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        Match match = Pattern().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return false;
        }

        long seconds = 0;
        try
        {
            seconds = checked(Part(match, "h") * 3600 + Part(match, "m") * 60 + Part(match, "s"));
        }
        catch (OverflowException)
        {
            return false;
        }

        if (seconds > (long)TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>The shortest form of <paramref name="duration"/> in whole seconds, e.g. 1h30m, 45s, 0s.</summary>
    public static string Format(TimeSpan duration)
    {
        long total = (long)duration.TotalSeconds;
        if (total == 0)
        {
            return "0s";
        }

        long hours = total / 3600;
        long minutes = total % 3600 / 60;
        long seconds = total % 60;
        return string.Concat(
            hours > 0 ? $"{hours}h" : string.Empty,
            minutes > 0 ? $"{minutes}m" : string.Empty,
            seconds > 0 ? $"{seconds}s" : string.Empty);
    }

    private static long Part(Match match, string unit) =>
        match.Groups[unit].Success ? long.Parse(match.Groups[unit].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"\A(?:(?<h>[0-9]{1,9})h)?(?:(?<m>[0-9]{1,9})m)?(?:(?<s>[0-9]{1,9})s)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
