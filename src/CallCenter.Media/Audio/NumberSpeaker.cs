namespace CallCenter.Media.Audio;

/// <summary>
/// Turns numbers, keypad digit strings and waiting times into the prompt keys that speak them in
/// English: 345 is "three hundred forty five" = <c>digits/3</c>, <c>digits/hundred</c>,
/// <c>digits/40</c>, <c>digits/5</c> (American usage, no "and"). The <c>Append…</c> forms add to a
/// caller's list and allocate nothing once the list has room.
/// </summary>
public static class NumberSpeaker
{
    /// <summary>The largest number <see cref="Number"/> speaks.</summary>
    public const int MaxNumber = 999_999;

    // Built once so that speaking a number hands out existing strings and allocates nothing.
    private static readonly string[] NumberKeys = BuildNumberKeys();

    /// <summary>Every key any method here can produce.</summary>
    public static IReadOnlyList<string> AllKeys { get; } =
    [
        .. Enumerable.Range(0, 20).Select(NumberKey),
        .. Enumerable.Range(2, 8).Select(tens => NumberKey(tens * 10)),
        PromptKeys.Hundred, PromptKeys.Thousand, PromptKeys.Star, PromptKeys.Pound,
        PromptKeys.YouAreNumber, PromptKeys.InLine, PromptKeys.EstimatedWait,
        PromptKeys.Minute, PromptKeys.Minutes, PromptKeys.LessThanAMinute,
    ];

    /// <summary>The keys that speak <paramref name="number"/> (0–999,999).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is negative or above <see cref="MaxNumber"/>.</exception>
    public static IReadOnlyList<string> Number(int number) => Collect(number, AppendNumber);

    /// <summary>Adds the keys that speak <paramref name="number"/> (0–999,999) to <paramref name="keys"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is negative or above <see cref="MaxNumber"/>.</exception>
    public static void AppendNumber(int number, ICollection<string> keys)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxNumber);
        ArgumentNullException.ThrowIfNull(keys);
        if (number == 0)
        {
            keys.Add(NumberKey(0));
            return;
        }

        if (number >= 1000)
        {
            AppendBelowThousand(number / 1000, keys);
            keys.Add(PromptKeys.Thousand);
        }

        AppendBelowThousand(number % 1000, keys);
    }

    /// <summary>The keys that read <paramref name="digits"/> one by one ("1234#" is one, two, three, four, pound).</summary>
    /// <exception cref="ArgumentException"><paramref name="digits"/> holds a character other than 0–9, * and #.</exception>
    public static IReadOnlyList<string> Digits(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var keys = new List<string>(digits.Length);
        AppendDigits(digits, keys);
        return keys;
    }

    /// <summary>Adds the keys that read <paramref name="digits"/> one by one to <paramref name="keys"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="digits"/> holds a character other than 0–9, * and #; nothing is added then.</exception>
    public static void AppendDigits(ReadOnlySpan<char> digits, ICollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        int bad = digits.IndexOfAnyExcept("0123456789*#");
        if (bad >= 0)
        {
            throw new ArgumentException($"Character '{digits[bad]}' at position {bad} is not a keypad digit (0-9, * or #).", nameof(digits));
        }

        foreach (char c in digits)
        {
            keys.Add(c switch
            {
                '*' => PromptKeys.Star,
                '#' => PromptKeys.Pound,
                _ => NumberKey(c - '0'),
            });
        }
    }

    /// <summary>The keys that speak a duration in whole minutes: "less than a minute", "one minute", "five minutes".</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minutes"/> is negative or above <see cref="MaxNumber"/>.</exception>
    public static IReadOnlyList<string> Minutes(int minutes) => Collect(minutes, AppendMinutes);

    /// <summary>Adds the keys that speak a duration in whole minutes to <paramref name="keys"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minutes"/> is negative or above <see cref="MaxNumber"/>.</exception>
    public static void AppendMinutes(int minutes, ICollection<string> keys)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minutes, MaxNumber);
        ArgumentNullException.ThrowIfNull(keys);
        if (minutes == 0)
        {
            keys.Add(PromptKeys.LessThanAMinute);
            return;
        }

        AppendNumber(minutes, keys);
        keys.Add(minutes == 1 ? PromptKeys.Minute : PromptKeys.Minutes);
    }

    /// <summary>"You are number <paramref name="position"/> in line."</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is below 1 or above <see cref="MaxNumber"/>.</exception>
    public static IReadOnlyList<string> QueuePosition(int position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        var keys = new List<string>(8) { PromptKeys.YouAreNumber };
        AppendNumber(position, keys);
        keys.Add(PromptKeys.InLine);
        return keys;
    }

    /// <summary>"Your estimated wait is <paramref name="minutes"/> minutes."</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minutes"/> is negative or above <see cref="MaxNumber"/>.</exception>
    public static IReadOnlyList<string> EstimatedWait(int minutes)
    {
        var keys = new List<string>(8) { PromptKeys.EstimatedWait };
        AppendMinutes(minutes, keys);
        return keys;
    }

    private static void AppendBelowThousand(int number, ICollection<string> keys)
    {
        if (number >= 100)
        {
            keys.Add(NumberKey(number / 100));
            keys.Add(PromptKeys.Hundred);
            number %= 100;
        }

        if (number >= 20)
        {
            keys.Add(NumberKey(number / 10 * 10));
            number %= 10;
        }

        if (number > 0)
        {
            keys.Add(NumberKey(number));
        }
    }

    /// <summary>
    /// The key of a number spoken as one word: <c>digits/0</c> to <c>digits/19</c> and the tens
    /// <c>digits/20</c>, <c>digits/30</c> … <c>digits/90</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not 0–19 or a multiple of ten up to 90.</exception>
    public static string NumberKey(int value) =>
        value is >= 0 and < 20 || (value is >= 20 and <= 90 && value % 10 == 0)
            ? NumberKeys[value]
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Only 0-19 and the tens 20-90 are single words.");

    private static string[] BuildNumberKeys()
    {
        var keys = new string[91];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = i < 20 || i % 10 == 0 ? $"digits/{i}" : string.Empty;
        }

        return keys;
    }

    private static List<string> Collect(int value, Action<int, ICollection<string>> append)
    {
        var keys = new List<string>(8);
        append(value, keys);
        return keys;
    }
}
