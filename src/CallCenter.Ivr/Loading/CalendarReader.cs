using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>Reads <c>calendars:</c>: named opening hours with a time zone and holidays.</summary>
internal static class CalendarReader
{
    /// <summary>Reads every calendar; the names of all of them (even unreadable ones) go to <paramref name="declared"/>.</summary>
    public static Dictionary<string, BusinessCalendar> ReadAll(Node node, FlowValues values, ISet<string> declared)
    {
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        MappingNode? map = Expect.MappingOrEmpty(node, "\"calendars\"", "a mapping of calendar name to its time-zone, hours and holidays", values.Errors);
        if (map is null)
        {
            return calendars;
        }

        foreach (MappingEntry entry in map.Entries)
        {
            string? name = values.Identifier(entry.Key, "calendar name", "a name");
            if (name is null)
            {
                continue;
            }

            declared.Add(name);
            if (Read(name, entry, values) is { } calendar)
            {
                calendars.Add(name, calendar);
            }
        }

        return calendars;
    }

    private static BusinessCalendar? Read(string name, MappingEntry entry, FlowValues values)
    {
        string context = $"calendar {Describe.Quote(name)}: ";
        MappingNode? map = Expect.MappingOrEmpty(entry.Value, context.TrimEnd(' ', ':'), "a mapping with time-zone, hours and holidays", values.Errors);
        if (map is null)
        {
            return null;
        }

        Dictionary<string, MappingEntry> found = FlowFormat.Calendar.Check(map, FlowFormat.CalendarRequired, context, values.Errors);

        TimeZoneInfo? zone = found.TryGetValue("time-zone", out MappingEntry? z) ? ReadZone(z.Value, context, values) : null;
        List<OpeningHours>? hours = found.TryGetValue("hours", out MappingEntry? h) ? ReadHours(h.Value, context, values) : null;
        HashSet<DateOnly>? holidays = found.TryGetValue("holidays", out MappingEntry? d) ? ReadHolidays(d.Value, context, values) : [];
        return zone is null || hours is null || holidays is null
            ? null
            : new BusinessCalendar(name, zone, hours, holidays, FlowValues.At(entry.Key));
    }

    private static TimeZoneInfo? ReadZone(Node node, string context, FlowValues values)
    {
        string subject = context + "\"time-zone\"";
        string? id = values.Text(node, subject, "a time zone such as Asia/Manila");
        if (id is null)
        {
            return null;
        }

        TimeZoneInfo? zone = TimeZoneLookup.Find(id, out string? suggestion);
        if (zone is null)
        {
            string hint = Suggestions.Hint(suggestion);
            values.Report(node, $"{subject}: {Describe.Quote(id)} is not a known time zone{hint}; use a zone name such as Asia/Manila or Europe/London");
        }

        return zone;
    }

    private static List<OpeningHours>? ReadHours(Node node, string context, FlowValues values)
    {
        string subject = context + "\"hours\"";
        MappingNode? map = Expect.MappingOrEmpty(node, subject, "a mapping of days to opening times, e.g. mon-fri: \"08:00-18:00\"", values.Errors);
        if (map is null)
        {
            return null;
        }

        var hours = new List<OpeningHours>();
        bool allRead = true;
        foreach (MappingEntry entry in map.Entries)
        {
            IReadOnlyList<DayOfWeek>? days = OpeningHoursText.Days(entry.Key.Value);
            if (days is null)
            {
                string? likely = Suggestions.Closest(entry.Key.Value, FlowFormat.Days)
                    ?? FlowFormat.Days.FirstOrDefault(day => entry.Key.Value.StartsWith(day, StringComparison.OrdinalIgnoreCase));
                string hint = Suggestions.Hint(likely);
                values.Report(entry.Key, $"{subject}: {Describe.Quote(entry.Key.Value)} is not a day{hint}; write {OpeningHoursText.DaysForm}");
                allRead = false;
            }

            List<(TimeOnly Opens, TimeOnly Closes)>? times = ReadTimes(entry.Value, $"{subject}: {Describe.Quote(entry.Key.Value)}", values);
            if (days is null || times is null)
            {
                allRead = false;
                continue;
            }

            hours.AddRange(days.SelectMany(day => times.Select(t => new OpeningHours(day, t.Opens, t.Closes))));
        }

        return allRead ? hours : null;
    }

    /// <summary>One <c>"HH:MM-HH:MM"</c> or a list of them (a split day).</summary>
    private static List<(TimeOnly Opens, TimeOnly Closes)>? ReadTimes(Node node, string subject, FlowValues values)
    {
        IReadOnlyList<Node> items = node is SequenceNode list ? list.Items : [node];
        if (items.Count == 0)
        {
            values.Report(node, $"{subject} is empty; it must be {OpeningHoursText.TimesForm} or a list of them");
            return null;
        }

        var times = new List<(TimeOnly, TimeOnly)>(items.Count);
        foreach (Node item in items)
        {
            string? text = values.Text(item, subject, OpeningHoursText.TimesForm + " or a list of them");
            if (text is null)
            {
                continue;
            }

            if (!OpeningHoursText.TryTimes(text, out TimeOnly opens, out TimeOnly closes, out string reason))
            {
                values.Report(item, $"{subject}: {Describe.Quote(text)} {reason}");
                continue;
            }

            times.Add((opens, closes));
        }

        return times.Count == items.Count ? times : null;
    }

    private static HashSet<DateOnly>? ReadHolidays(Node node, string context, FlowValues values)
    {
        string subject = context + "\"holidays\"";
        SequenceNode? list = Expect.SequenceOrEmpty(node, subject, "a list of dates such as [\"2026-12-25\"]", values.Errors);
        if (list is null)
        {
            return null;
        }

        var dates = new HashSet<DateOnly>();
        bool allRead = true;
        foreach (Node item in list.Items)
        {
            string? text = values.Text(item, subject, "a date written YYYY-MM-DD");
            if (text is not null && OpeningHoursText.TryDate(text, out DateOnly date))
            {
                dates.Add(date);
                continue;
            }

            if (text is not null)
            {
                values.Report(item, $"{subject}: {Describe.Quote(text)} is not a date; write dates as YYYY-MM-DD, e.g. \"2026-12-25\"");
            }

            allRead = false;
        }

        return allRead ? dates : null;
    }
}
