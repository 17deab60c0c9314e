using System.Security;
using System.Text.RegularExpressions;
using CallCenter.Config.Schema;

namespace CallCenter.Ivr.Loading;

/// <summary>
/// Finds an IANA time zone (<c>Asia/Manila</c>) in the system's time-zone database. Windows zone names are not
/// accepted: turning them into IANA ids needs ICU, which this server runs without (invariant globalization).
/// </summary>
internal static partial class TimeZoneLookup
{
    /// <summary>The zone with id <paramref name="id"/>, or null with the closest known id (if any) as a suggestion.</summary>
    public static TimeZoneInfo? Find(string id, out string? suggestion)
    {
        suggestion = null;

        // The id becomes a path under the zone database; only the characters of IANA ids are let through.
        if (IanaIdPattern().IsMatch(id) && !id.Contains("..", StringComparison.Ordinal))
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or SecurityException or IOException or UnauthorizedAccessException)
            {
                // Not a zone this machine knows: fall through to the suggestion.
            }
        }

        suggestion = Suggestions.Closest(id, TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id));
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+){0,2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IanaIdPattern();
}
