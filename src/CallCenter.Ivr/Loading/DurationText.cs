using System.Globalization;
using System.Text.RegularExpressions;
using CallCenter.Config.Yaml;

namespace CallCenter.Ivr.Loading;

/// <summary>
/// Reads the durations of timeouts: <c>500ms</c>, <c>5s</c>, <c>2m</c>, or a plain number of seconds
/// (<c>5</c>, <c>1.5</c>).
/// </summary>
internal static partial class DurationText
{
    /// <summary>Longest timeout accepted; a caller will not wait silently longer than this for anything.</summary>
    public static TimeSpan Longest { get; } = TimeSpan.FromMinutes(10);

    /// <summary>The forms accepted, for messages.</summary>
    public const string Forms = "a duration such as 500ms, 5s or 2m, or a number of seconds";

    /// <summary>
    /// Parses <paramref name="scalar"/>. False with a reason (to follow the subject in a message) when it is not
    /// a duration or is out of range.
    /// </summary>
    public static bool TryParse(ScalarNode scalar, out TimeSpan duration, out string reason)
    {
        duration = TimeSpan.Zero;
        if (scalar.Type is not (ScalarType.Integer or ScalarType.Float or ScalarType.Text)
            || !TryParseAmount(scalar.Value.Trim(), out decimal amount, out decimal ticksPerUnit))
        {
            reason = $"must be {Forms} (found {Describe.Found(scalar)})";
            return false;
        }

        decimal ticks = amount * ticksPerUnit;
        if (ticks <= 0 || ticks > Longest.Ticks)
        {
            reason = $"must be longer than 0 and at most {(int)Longest.TotalMinutes}m (found {Describe.Found(scalar)})";
            return false;
        }

        duration = TimeSpan.FromTicks((long)ticks);
        reason = string.Empty;
        return true;
    }

    private static bool TryParseAmount(string text, out decimal amount, out decimal ticksPerUnit)
    {
        amount = 0;
        ticksPerUnit = 0;
        Match match = DurationPattern().Match(text);
        if (!match.Success
            || !decimal.TryParse(match.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }

        ticksPerUnit = match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.TicksPerMillisecond,
            "m" => TimeSpan.TicksPerMinute,
            _ => TimeSpan.TicksPerSecond,
        };
        return true;
    }

    // Bounded digit counts keep decimal.Parse far from overflow whatever is written.
    [GeneratedRegex(@"^(?<amount>[0-9]{1,9}(?:\.[0-9]{1,9})?)(?<unit>ms|s|m)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
