namespace CallCenter.Ivr.Definition;

/// <summary>Opening hours on one day of the week: from <see cref="Opens"/> until (not including) <see cref="Closes"/>.</summary>
public readonly record struct OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>
/// When the business is open, in its own time zone: weekly opening hours and holidays (closed all day). A flow's
/// <c>branch</c> asks it with <c>open: NAME</c>.
/// </summary>
/// <param name="Name">The calendar's name under <c>calendars:</c>.</param>
/// <param name="TimeZone">The zone the hours are in (IANA id such as <c>Asia/Manila</c>).</param>
/// <param name="Hours">Opening hours; a day may appear more than once (split shifts) or not at all (closed).</param>
/// <param name="Holidays">Dates on which the business is closed all day.</param>
/// <param name="Position">Where the calendar is written.</param>
public sealed record BusinessCalendar(string Name, TimeZoneInfo TimeZone, IReadOnlyList<OpeningHours> Hours, IReadOnlySet<DateOnly> Holidays, FlowPosition Position)
{
    /// <summary>True when <paramref name="instant"/> falls in the opening hours, in the calendar's zone, on a day that is not a holiday.</summary>
    public bool IsOpen(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        if (Holidays.Contains(DateOnly.FromDateTime(local.DateTime)))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(local.DateTime);
        foreach (var hours in Hours)
        {
            if (hours.Day == local.DayOfWeek && time >= hours.Opens && time < hours.Closes)
            {
                return true;
            }
        }

        return false;
    }
}
