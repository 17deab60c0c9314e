using CallCenter.Media.Audio;

namespace CallCenter.Calls.Routing;

/// <summary>
/// What a waiting caller hears: "You are number N in line. Your estimated wait is M minutes." Minutes are rounded so
/// the figure stays honest without sounding falsely precise: under a minute is "less than a minute", up to a quarter
/// of an hour the nearest whole minute, beyond that the nearest five minutes. An unknown estimate (no handle times
/// yet, nobody staffed) says nothing about the wait rather than guess.
/// </summary>
public static class WaitAnnouncement
{
    /// <summary>"To be called back and keep your place in line, press 1."</summary>
    public const string PressOneForCallback = "queue/press-1-callback";

    private static readonly TimeSpan FineRoundingLimit = TimeSpan.FromMinutes(15);

    /// <summary>The prompt keys (without language) for a caller at <paramref name="position"/> with <paramref name="estimate"/>.</summary>
    /// <param name="position">1-based place in line.</param>
    /// <param name="estimate">Estimated wait, or null when unknown.</param>
    /// <param name="offerCallback">Whether to end with the press-1-for-a-callback prompt.</param>
    public static IReadOnlyList<string> Keys(int position, TimeSpan? estimate, bool offerCallback)
    {
        var keys = new List<string>(12);
        keys.AddRange(NumberSpeaker.QueuePosition(Math.Clamp(position, 1, NumberSpeaker.MaxNumber)));
        if (estimate is { } wait)
        {
            keys.AddRange(NumberSpeaker.EstimatedWait(SpokenMinutes(wait)));
        }

        if (offerCallback)
        {
            keys.Add(PressOneForCallback);
        }

        return keys;
    }

    /// <summary>The whole minutes to say for <paramref name="wait"/>: 0 means "less than a minute".</summary>
    public static int SpokenMinutes(TimeSpan wait)
    {
        if (wait < TimeSpan.FromMinutes(1))
        {
            return 0;
        }

        double minutes = wait.TotalMinutes;
        int spoken = wait <= FineRoundingLimit
            ? (int)Math.Round(minutes, MidpointRounding.AwayFromZero)
            : (int)Math.Round(minutes / 5, MidpointRounding.AwayFromZero) * 5;
        return Math.Clamp(spoken, 1, NumberSpeaker.MaxNumber);
    }
}
