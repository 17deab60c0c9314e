namespace CallCenter.Calls;

/// <summary>Prompts and timers of the walking-skeleton call flow (bound from configuration section <c>Calls</c>).</summary>
public sealed class CallOptions
{
    /// <summary>Greeting asking the caller to press <see cref="AgentKey"/>.</summary>
    public string GreetingPrompt { get; set; } = "en/welcome";

    /// <summary>The key that asks for an agent.</summary>
    public char AgentKey { get; set; } = '1';

    /// <summary>Played after a wrong key.</summary>
    public string InvalidKeyPrompt { get; set; } = "en/invalid-choice";

    /// <summary>Played when no key came in time.</summary>
    public string NoInputPrompt { get; set; } = "en/no-input";

    /// <summary>Played while we start ringing an agent.</summary>
    public string ConnectingPrompt { get; set; } = "en/connecting";

    /// <summary>Played when no agent is available.</summary>
    public string NoAgentPrompt { get; set; } = "en/all-agents-busy";

    /// <summary>Played before hanging up.</summary>
    public string GoodbyePrompt { get; set; } = "en/goodbye";

    /// <summary>How long to wait for a key after the greeting.</summary>
    public TimeSpan ChoiceTimeout { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How many times the greeting is repeated after no or wrong input before giving up.</summary>
    public int MaxGreetingRepeats { get; set; } = 3;

    /// <summary>How long an agent's phone may ring.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Session timer (RFC 4028): the session interval we choose when a caller supports timers without asking for one,
    /// and the longest we accept (a longer request is reduced). Whole seconds, at least <see cref="MinSE"/>.
    /// </summary>
    public TimeSpan SessionExpires { get; set; } = TimeSpan.FromSeconds(1800);

    /// <summary>The shortest session interval we accept (Min-SE); shorter requests get 422. Whole seconds, at least 90.</summary>
    public TimeSpan MinSE { get; set; } = TimeSpan.FromSeconds(90);
}
