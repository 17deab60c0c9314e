using CallCenter.Config;

namespace CallCenter.Calls.Callbacks;

/// <summary>How callbacks are placed and retried.</summary>
public sealed record CallbackOptions
{
    /// <summary>Attempts before a callback is given up (config <c>callbacks: attempts</c>).</summary>
    public int Attempts { get; init; } = CallbackSettings.DefaultAttempts;

    /// <summary>Wait after an unsuccessful attempt before the next (config <c>callbacks: retry-after</c>).</summary>
    public TimeSpan RetryAfter { get; init; } = CallbackSettings.DefaultRetryAfter;

    /// <summary>How long the customer's phone may ring before the attempt counts as not answered.</summary>
    public TimeSpan CustomerRingTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A customer who answers and hangs up within this time has not really been reached: an answering machine that
    /// took the call, or a pick-up and drop. The attempt counts as a short answer and is retried.
    /// </summary>
    public TimeSpan ShortAnswer { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The language of the whisper to the agent and the greeting to the customer.</summary>
    public string Language { get; init; } = "en";

    /// <summary>The options a <c>callbacks:</c> section sets; the rest keep their defaults.</summary>
    public static CallbackOptions From(CallbackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new CallbackOptions { Attempts = settings.Attempts, RetryAfter = settings.RetryAfter };
    }
}
