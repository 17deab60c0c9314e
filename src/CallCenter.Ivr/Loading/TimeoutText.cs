using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Ivr.Loading;

/// <summary>
/// Reads the timeouts of flow nodes: <c>500ms</c>, <c>5s</c>, <c>2m</c>, or a plain number of seconds
/// (<c>5</c>, <c>1.5</c>), parsed by <see cref="DurationText.TryParseAmount"/>, up to <see cref="Longest"/>.
/// </summary>
internal static class TimeoutText
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
        if (scalar.Type is not (ScalarType.Integer or ScalarType.Float or ScalarType.Text)
            || !DurationText.TryParseAmount(scalar.Value.Trim(), out duration))
        {
            duration = TimeSpan.Zero;
            reason = $"must be {Forms} (found {Describe.Found(scalar)})";
            return false;
        }

        if (duration <= TimeSpan.Zero || duration > Longest)
        {
            duration = TimeSpan.Zero;
            reason = $"must be longer than 0 and at most {DurationText.Format(Longest)} (found {Describe.Found(scalar)})";
            return false;
        }

        reason = string.Empty;
        return true;
    }
}
