using System.Globalization;
using System.Text.RegularExpressions;

namespace CallCenter.Ivr.Loading;

/// <summary>
/// Reads the two parts of an <c>hours:</c> line: the days (<c>mon</c>, <c>mon-fri</c>, or a range that wraps
/// past Sunday such as <c>fri-mon</c>) and the times (<c>"08:00-18:00"</c>, closing time not included).
/// </summary>
internal static partial class OpeningHoursText
{
    public const string DaysForm = "a day (mon, tue, wed, thu, fri, sat, sun) or a range of days such as mon-fri";

    public const string TimesForm = "a time range such as \"08:00-18:00\"";

    /// <summary>The days named by <paramref name="text"/>, in order, or null when it is not a day or day range.</summary>
    public static IReadOnlyList<DayOfWeek>? Days(string text)
    {
        string[] ends = text.Split('-');
        if (ends.Length is < 1 or > 2)
        {
            return null;
        }

        int first = IndexOf(ends[0]);
        int last = ends.Length == 2 ? IndexOf(ends[1]) : first;
        if (first < 0 || last < 0)
        {
            return null;
        }

        var days = new List<DayOfWeek>(7);
        for (int i = first; ; i = (i + 1) % 7)
        {
            days.Add(ToDayOfWeek(i));
            if (i == last)
            {
                return days;
            }
        }
    }

    /// <summary>Parses <c>HH:MM-HH:MM</c>; false with the reason when the form or the order of the times is wrong.</summary>
    public static bool TryTimes(string text, out TimeOnly opens, out TimeOnly closes, out string reason)
    {
        opens = closes = default;
        Match match = TimesPattern().Match(text);
        if (!match.Success)
        {
            reason = $"must be {TimesForm} (24-hour clock)";
            return false;
        }

        int openHour = Number(match, "oh"), openMinute = Number(match, "om"), closeHour = Number(match, "ch"), closeMinute = Number(match, "cm");
        bool closesAtMidnight = closeHour == 24 && closeMinute == 0;
        if (openHour > 23 || openMinute > 59 || closeMinute > 59 || (closeHour > 23 && !closesAtMidnight))
        {
            reason = "has a time that does not exist; hours go from 00 to 23 (24:00 only as a closing time) and minutes from 00 to 59";
            return false;
        }

        opens = new TimeOnly(openHour, openMinute);

        // 24:00 closes at the end of the day: the last instant TimeOnly can hold, so every time of day is before it.
        closes = closesAtMidnight ? TimeOnly.MaxValue : new TimeOnly(closeHour, closeMinute);
        if (closes <= opens)
        {
            reason = "closes before it opens; a range cannot run past midnight, so split it over two days (e.g. \"22:00-24:00\" and \"00:00-06:00\")";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    /// <summary>Parses an ISO 8601 calendar date <c>YYYY-MM-DD</c>.</summary>
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static int IndexOf(string day)
    {
        for (int i = 0; i < FlowFormat.Days.Count; i++)
        {
            if (string.Equals(FlowFormat.Days[i], day.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index 0 is Monday in <see cref="FlowFormat.Days"/>; <see cref="DayOfWeek"/> starts on Sunday.</summary>
    private static DayOfWeek ToDayOfWeek(int mondayFirst) => (DayOfWeek)((mondayFirst + 1) % 7);

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?<oh>[0-9]{1,2}):(?<om>[0-9]{2})\s*-\s*(?<ch>[0-9]{1,2}):(?<cm>[0-9]{2})\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimesPattern();
}
