using System.Globalization;

namespace CallCenter.Server.Http;

/// <summary>Reads the ISO 8601 date-and-time values the API takes in queries and bodies.</summary>
internal static class IsoInstant
{
    /// <summary>Parses <paramref name="text"/>; false when it is not a date and time.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant) =>
        // A time without an offset is taken as UTC, never as the server's local time.
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
}
