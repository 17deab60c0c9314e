using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;
using static CallCenter.Ivr.Tests.Loading.FlowTestSupport;

namespace CallCenter.Ivr.Tests.Loading;

/// <summary>Opening-hours calendars: how they are written, and what IsOpen answers across zones, days and holidays.</summary>
public class CalendarTests
{
    /// <summary>A flow whose calendar "office" is <paramref name="body"/>, used by a branch node.</summary>
    private static string CalendarFlow(string body) => $$"""
        flow: test
        start: b
        calendars:
          office:
        {{body}}
        nodes:
          b:
            type: branch
            rules: [{ if: { open: office }, goto: bye }]
            else: bye
          bye:
            type: hangup
        """;

    private static BusinessCalendar Calendar(string body) => LoadValid(CalendarFlow(body)).Calendars["office"];

    private static BusinessCalendar Manila() => Calendar("""
            time-zone: Asia/Manila
            hours:
              mon-fri: "08:00-18:00"
              sat: ["09:00-12:00", "13:00-15:00"]
            holidays: ["2026-12-25"]
        """);

    [Fact]
    public void Iana_time_zones_resolve_without_icu()
    {
        BusinessCalendar calendar = Manila();

        Assert.Equal("Asia/Manila", calendar.TimeZone.Id);
        Assert.Equal(TimeSpan.FromHours(8), calendar.TimeZone.GetUtcOffset(new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("2026-06-01T00:00:00Z", true)]   // Monday 08:00 in Manila: opening time is included
    [InlineData("2026-05-31T23:59:00Z", false)]  // Monday 07:59 in Manila
    [InlineData("2026-06-01T09:59:00Z", true)]   // Monday 17:59
    [InlineData("2026-06-01T10:00:00Z", false)]  // Monday 18:00: closing time is not included
    [InlineData("2026-06-05T03:00:00Z", true)]   // Friday 11:00
    [InlineData("2026-06-06T03:30:00Z", true)]   // Saturday 11:30, first shift
    [InlineData("2026-06-06T04:30:00Z", false)]  // Saturday 12:30, the break
    [InlineData("2026-06-06T05:30:00Z", true)]   // Saturday 13:30, second shift
    [InlineData("2026-06-07T03:00:00Z", false)]  // Sunday: not listed, so closed
    [InlineData("2026-12-25T03:00:00Z", false)]  // Friday 11:00, but a holiday
    [InlineData("2026-12-24T17:00:00Z", false)]  // Thursday 17:00 UTC is already the holiday in Manila
    [InlineData("2026-12-24T09:00:00Z", true)]   // Thursday 17:00 in Manila, the day before
    public void Is_open_is_judged_in_the_calendar_zone(string instant, bool open)
    {
        Assert.Equal(open, Manila().IsOpen(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_same_instant_can_be_open_in_one_zone_and_closed_in_another()
    {
        BusinessCalendar london = Calendar("""
                time-zone: Europe/London
                hours: { mon-fri: "09:00-17:00" }
            """);
        var instant = new DateTimeOffset(2026, 6, 1, 8, 30, 0, TimeSpan.Zero); // 09:30 in London (summer time), 16:30 in Manila

        Assert.True(london.IsOpen(instant));
        Assert.True(Manila().IsOpen(instant));
        Assert.False(london.IsOpen(instant.AddHours(8)));
        Assert.False(Manila().IsOpen(instant.AddHours(2)));
    }

    [Fact]
    public void Summer_time_moves_the_hours_with_the_clock()
    {
        BusinessCalendar london = Calendar("""
                time-zone: Europe/London
                hours: { mon-fri: "09:00-17:00" }
            """);

        Assert.True(london.IsOpen(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)));   // winter: 09:00 local = 09:00 UTC
        Assert.False(london.IsOpen(new DateTimeOffset(2026, 7, 6, 16, 30, 0, TimeSpan.Zero))); // summer: 16:30 UTC = 17:30 local
    }

    [Fact]
    public void A_day_range_may_wrap_past_sunday_and_24_00_closes_at_midnight()
    {
        BusinessCalendar weekend = Calendar("""
                time-zone: UTC
                hours: { fri-mon: "00:00-24:00" }
            """);

        Assert.Equal(
            [DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday],
            weekend.Hours.Select(h => h.Day));
        Assert.True(weekend.IsOpen(new DateTimeOffset(2026, 6, 7, 23, 59, 59, TimeSpan.Zero)));  // Sunday
        Assert.True(weekend.IsOpen(new DateTimeOffset(2026, 6, 8, 0, 0, 0, TimeSpan.Zero)));     // Monday
        Assert.False(weekend.IsOpen(new DateTimeOffset(2026, 6, 9, 12, 0, 0, TimeSpan.Zero)));   // Tuesday
    }

    [Fact]
    public void Holidays_are_optional_and_an_empty_hours_mapping_is_always_closed()
    {
        BusinessCalendar closed = Calendar("""
                time-zone: UTC
                hours: {}
            """);

        Assert.Empty(closed.Holidays);
        Assert.False(closed.IsOpen(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    private static FlowProblem CalendarProblem(string body) => SingleProblem(CalendarFlow(body));

    [Fact]
    public void An_unknown_time_zone_suggests_the_likely_one()
    {
        AssertError(
            CalendarProblem("    time-zone: Asia/Manilla\n    hours: { mon: \"09:00-17:00\" }"),
            5, 16,
            "calendar \"office\": \"time-zone\": \"Asia/Manilla\" is not a known time zone (did you mean \"Asia/Manila\"?)");
    }

    [Fact]
    public void A_windows_zone_name_is_not_accepted()
    {
        AssertError(
            CalendarProblem("    time-zone: Singapore Standard Time\n    hours: { mon: \"09:00-17:00\" }"),
            5, 16,
            "calendar \"office\": \"time-zone\": \"Singapore Standard Time\" is not a known time zone");
    }

    [Fact]
    public void A_path_is_not_a_time_zone()
    {
        AssertError(
            CalendarProblem("    time-zone: ../../etc/passwd\n    hours: { mon: \"09:00-17:00\" }"),
            5, 16,
            "\"../../etc/passwd\" is not a known time zone");
    }

    [Fact]
    public void A_day_name_written_out_suggests_its_short_form()
    {
        AssertError(
            CalendarProblem("    time-zone: UTC\n    hours:\n      monday: \"09:00-17:00\""),
            7, 7,
            "calendar \"office\": \"hours\": \"monday\" is not a day (did you mean \"mon\"?); write a day (mon, tue, wed, thu, fri, sat, sun) or a range of days such as mon-fri");
    }

    [Fact]
    public void Times_must_be_a_range()
    {
        AssertError(
            CalendarProblem("    time-zone: UTC\n    hours:\n      mon: \"9am-5pm\""),
            7, 12,
            "calendar \"office\": \"hours\": \"mon\": \"9am-5pm\" must be a time range such as \"08:00-18:00\" (24-hour clock)");
    }

    [Fact]
    public void A_range_cannot_run_past_midnight()
    {
        AssertError(
            CalendarProblem("    time-zone: UTC\n    hours:\n      mon: [\"08:00-12:00\", \"22:00-06:00\"]"),
            7, 28,
            "\"mon\": \"22:00-06:00\" closes before it opens; a range cannot run past midnight, so split it over two days");
    }

    [Fact]
    public void A_time_must_exist()
    {
        AssertError(
            CalendarProblem("    time-zone: UTC\n    hours:\n      mon: \"08:60-12:00\""),
            7, 12,
            "\"mon\": \"08:60-12:00\" has a time that does not exist");
    }

    [Fact]
    public void Holidays_are_iso_dates()
    {
        AssertError(
            CalendarProblem("    time-zone: UTC\n    hours: { mon: \"09:00-17:00\" }\n    holidays: [2026-12-25, \"25/12/2026\"]"),
            7, 28,
            "calendar \"office\": \"holidays\": \"25/12/2026\" is not a date; write dates as YYYY-MM-DD");
    }

    [Fact]
    public void A_calendar_needs_a_time_zone()
    {
        AssertError(CalendarProblem("    hours: { mon: \"09:00-17:00\" }"), 5, 5, "calendar \"office\": missing required key \"time-zone\"");
    }

    [Fact]
    public void An_unknown_calendar_key_suggests_the_likely_one()
    {
        AssertError(
            CalendarProblem("    time-zone: UTC\n    hours: { mon: \"09:00-17:00\" }\n    holiday: []"),
            7, 5,
            "calendar \"office\": unknown key \"holiday\" (did you mean \"holidays\"?)");
    }
}
