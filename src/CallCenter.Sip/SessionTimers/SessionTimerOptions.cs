namespace CallCenter.Sip.SessionTimers;

/// <summary>
/// Our session-timer policy (RFC 4028): the interval we ask for, which is also the longest we accept (a longer one
/// is reduced, §9), and the shortest we accept (shorter requests get 422 with this as Min-SE, §6).
/// </summary>
public sealed record SessionTimerOptions
{
    /// <summary>RFC 4028 §4 recommends 1800 seconds.</summary>
    public const int DefaultSessionExpiresSeconds = 1800;

    /// <summary>The default policy: 1800 s asked for, 90 s the minimum (the RFC's own floor).</summary>
    public static SessionTimerOptions Default { get; } = new();

    /// <summary>The session interval we choose, and the longest we accept.</summary>
    public int SessionExpiresSeconds { get; init; } = DefaultSessionExpiresSeconds;

    /// <summary>The shortest session interval we accept (our Min-SE); never below 90 seconds.</summary>
    public int MinSESeconds { get; init; } = MinSE.FloorSeconds;

    /// <summary>
    /// A policy from configured times, checked: whole seconds, a minimum of at least 90 s (RFC 4028 §5) and an
    /// interval no shorter than that minimum.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When a value breaks those rules.</exception>
    public static SessionTimerOptions From(TimeSpan sessionExpires, TimeSpan minSE)
    {
        var minimum = WholeSeconds(minSE, nameof(minSE));
        var interval = WholeSeconds(sessionExpires, nameof(sessionExpires));
        if (minimum < MinSE.FloorSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(minSE), minSE, $"Min-SE must be at least {MinSE.FloorSeconds} seconds (RFC 4028 §5).");
        }

        if (interval < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(sessionExpires), sessionExpires, "Session-Expires must not be shorter than Min-SE.");
        }

        return new SessionTimerOptions { SessionExpiresSeconds = interval, MinSESeconds = minimum };
    }

    private static int WholeSeconds(TimeSpan value, string name)
    {
        if (value.Ticks % TimeSpan.TicksPerSecond != 0 || value.TotalSeconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, "Session timer values are whole seconds (delta-seconds, RFC 4028 §4).");
        }

        return (int)value.TotalSeconds;
    }
}
