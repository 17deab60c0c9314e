using System.Text.RegularExpressions;

namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>
/// A copy of the sample flows (ivr-flows/) in a test's workspace whose main line keeps its own business hours out of
/// the test: main.yaml's <c>business-hours</c> calendar gets the hours the test gives and no holidays, so what the
/// caller hears does not depend on the day and time the test runs.
/// </summary>
public static partial class MainFlowCopy
{
    /// <summary>Open around the clock every day.</summary>
    public const string AlwaysOpen = "{ mon-sun: \"00:00-24:00\" }";

    /// <summary>Never open.</summary>
    public const string AlwaysClosed = "{}";

    /// <summary>Copies every sample flow into <c>flows/</c> of <paramref name="workspace"/>, main.yaml with <paramref name="hours"/>; returns the folder.</summary>
    public static string Write(InteropWorkspace workspace, string hours)
    {
        var folder = workspace.Subdirectory("flows");
        foreach (var file in Directory.EnumerateFiles(ServerHost.SampleFlowsDirectory, "*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var main = Path.Combine(folder, "main.yaml");
        var text = File.ReadAllText(main);
        var withHours = HoursBlock().Replace(text, $"    hours: {hours}\n", 1);
        var withoutHolidays = HolidaysLine().Replace(withHours, string.Empty, 1);
        if (withHours == text || withoutHolidays == withHours)
        {
            throw new InvalidOperationException("ivr-flows/main.yaml no longer has the business-hours calendar this test rewrites (hours: and holidays: under calendars).");
        }

        File.WriteAllText(main, withoutHolidays);
        return folder;
    }

    // The calendar's "hours:" mapping: the key at four spaces, its day lines at six.
    [GeneratedRegex(@"^    hours:\r?\n(?:^      \S.*\r?\n)+", RegexOptions.Multiline)]
    private static partial Regex HoursBlock();

    [GeneratedRegex(@"^    holidays:.*\r?\n", RegexOptions.Multiline)]
    private static partial Regex HolidaysLine();
}
