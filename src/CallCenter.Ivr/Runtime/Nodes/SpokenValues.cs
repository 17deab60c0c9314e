using System.Globalization;
using CallCenter.Ivr.Definition;
using CallCenter.Media.Audio;

namespace CallCenter.Ivr.Runtime.Nodes;

/// <summary>
/// The prompt names that speak a say node's items, using the Media library's <see cref="NumberSpeaker"/>
/// (<c>digits/0</c>… <c>digits/90</c>, <c>digits/hundred</c>, <c>time/minutes</c>…). An item whose variable is
/// not set or cannot be spoken in its format is skipped, and the skip is logged as a step.
/// </summary>
internal static class SpokenValues
{
    private const string Keypad = "0123456789*#";

    public static List<string> Names(IReadOnlyList<SayItem> items, FlowRun run)
    {
        var names = new List<string>(8);
        foreach (var item in items)
        {
            if (item.Format == SayFormat.Prompt)
            {
                names.Add(item.Value);
                continue;
            }

            string? value = run.Variables.GetValueOrNull(item.Value);
            if (value is null || !TryAppend(item.Format, value, names))
            {
                run.Record(FlowStepKind.ValueMissing, $"{item.Format.ToString().ToLowerInvariant()} {item.Value}" + (value is null ? " (not set)" : $" ('{value}')"));
            }
        }

        return names;
    }

    private static bool TryAppend(SayFormat format, string value, List<string> names)
    {
        switch (format)
        {
            case SayFormat.Digits when KeypadDigits(value) is { Length: > 0 } digits && digits.IndexOfAnyExcept(Keypad) < 0:
                NumberSpeaker.AppendDigits(digits, names);
                return true;
            case SayFormat.Number when TryParse(value, out int number):
                NumberSpeaker.AppendNumber(number, names);
                return true;
            case SayFormat.Duration when TryParse(value, out int seconds) && seconds / 60 <= NumberSpeaker.MaxNumber:
                // The prompt set speaks whole minutes ("less than a minute", "one minute", "five minutes"), so the
                // seconds are rounded down, as for the queue's wait estimate.
                NumberSpeaker.AppendMinutes(seconds / 60, names);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The keys to read out: a number in E.164 form (a caller id from a trunk, <c>+639171234567</c>) is read without
    /// its leading <c>+</c>, which is not a key the caller could press or hear as a digit.
    /// </summary>
    private static ReadOnlySpan<char> KeypadDigits(string value) => value.StartsWith('+') ? value.AsSpan(1) : value;

    private static bool TryParse(string value, out int number) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number <= NumberSpeaker.MaxNumber;
}
