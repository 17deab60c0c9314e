using System.Globalization;
using System.Text.RegularExpressions;

namespace CallCenter.Interop.Tests.Sipp;

/// <summary>One SIP message in a sipp <c>-trace_msg</c> file: when sipp logged it and its start line.</summary>
public sealed record SippTracedMessage(DateTime LoggedAt, string StartLine);

/// <summary>
/// Reads sipp's <c>-trace_msg</c> file: each message follows a separator line of dashes ending in a local timestamp
/// (<c>----…---- 2026-11-24 09:12:44.828759</c>), then a line saying what happened (<c>UDP message received [750]
/// bytes :</c>), a blank line and the message, whose first line is the request or status line.
/// </summary>
public static partial class SippMessageTrace
{
    /// <summary>The messages of <paramref name="trace"/> in order; entries that do not hold a SIP start line are skipped.</summary>
    public static IReadOnlyList<SippTracedMessage> Parse(string trace)
    {
        var messages = new List<SippTracedMessage>();
        var lines = trace.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var separator = Separator().Match(lines[i]);
            if (!separator.Success
                || !DateTime.TryParseExact(separator.Groups["at"].Value, "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                continue;
            }

            var startLine = lines.Skip(i + 1).Take(4).FirstOrDefault(line => StartLine().IsMatch(line));
            if (startLine is not null)
            {
                messages.Add(new SippTracedMessage(at, startLine.Trim()));
            }
        }

        return messages;
    }

    /// <summary>The first message whose start line begins with <paramref name="prefix"/> (e.g. <c>CANCEL </c>), or null.</summary>
    public static SippTracedMessage? First(IReadOnlyList<SippTracedMessage> messages, string prefix) =>
        messages.FirstOrDefault(message => message.StartLine.StartsWith(prefix, StringComparison.Ordinal));

    [GeneratedRegex(@"^-{10,}\s+(?<at>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6})\s*$")]
    private static partial Regex Separator();

    // RFC 3261 §7.1 / §7.2: "METHOD uri SIP/2.0" or "SIP/2.0 code reason".
    [GeneratedRegex(@"^(SIP/2\.0 \d{3}|[A-Z]+ \S+ SIP/2\.0)")]
    private static partial Regex StartLine();
}
