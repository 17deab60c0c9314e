using System.Globalization;
using System.Text.RegularExpressions;

namespace CallCenter.Config.Schema;

/// <summary>
/// Durations as operators write them, in the two forms the files use: settings of the configuration are whole
/// hours, minutes and seconds in that order (<c>45s</c>, <c>10m</c>, <c>1h30m</c>; <see cref="TryParse"/>), and
/// timeouts of a flow are one amount, possibly with decimals, in milliseconds, seconds or minutes, or a plain
/// number of seconds (<c>500ms</c>, <c>1.5s</c>, <c>2m</c>, <c>5</c>; <see cref="TryParseAmount"/>).
/// Range checks and the wording of messages are left to the caller.
/// </summary>
public static partial class DurationText
{
    /// <summary>Parses the hours-minutes-seconds form; false for anything else, including an overflowing value.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        Match match = CompoundPattern().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return false;
        }

        // At most nine digits a part, so the sum stays below 4e12 and cannot overflow a long; it can still
        // exceed what a TimeSpan holds.
        long seconds = Part(match, "h") * 3600 + Part(match, "m") * 60 + Part(match, "s");
        if (seconds > (long)TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>
    /// Parses the single-amount form (<c>500ms</c>, <c>1.5s</c>, <c>2m</c>, <c>5</c> seconds); false for anything
    /// else. A fraction of a tick is rounded up, so a written amount above zero never reads as zero.
    /// </summary>
    public static bool TryParseAmount(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        Match match = AmountPattern().Match(text);
        if (!match.Success
            || !decimal.TryParse(match.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal amount))
        {
            return false;
        }

        long ticksPerUnit = match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.TicksPerMillisecond,
            "m" => TimeSpan.TicksPerMinute,
            _ => TimeSpan.TicksPerSecond,
        };

        // At most 999999999.999999999 minutes: about 6e17 ticks, well inside a long.
        duration = TimeSpan.FromTicks((long)decimal.Ceiling(amount * ticksPerUnit));
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
    private static partial Regex CompoundPattern();

    // Bounded digit counts keep decimal.Parse far from overflow whatever is written.
    [GeneratedRegex(@"\A(?<amount>[0-9]{1,9}(?:\.[0-9]{1,9})?)(?<unit>ms|s|m)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();
}
