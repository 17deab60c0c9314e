using CallCenter.Calls.Routing;

namespace CallCenter.Calls.FeatureCodes;

/// <summary>One feature code: what it asks routing for and the prompt that confirms it.</summary>
/// <param name="Number">The number dialled, e.g. <c>*23</c>.</param>
/// <param name="Command">The state change it asks for.</param>
/// <param name="Reason">The reason passed with the change (a pause's reason), or null.</param>
/// <param name="ConfirmationPrompt">The prompt played when the change was applied.</param>
public sealed record FeatureCode(string Number, AgentStateCommand Command, string? Reason, string ConfirmationPrompt);

/// <summary>The prompts of feature-code calls (<c>audio/en/agent/*.wav</c>, from <c>scripts/prompts.agent.txt</c>).</summary>
public static class FeatureCodePrompts
{
    /// <summary>"You are logged in."</summary>
    public const string LoggedIn = "en/agent/logged-in";

    /// <summary>"You are logged out."</summary>
    public const string LoggedOut = "en/agent/logged-out";

    /// <summary>"You are paused."</summary>
    public const string Paused = "en/agent/paused";

    /// <summary>"You are available again."</summary>
    public const string Available = "en/agent/available";

    /// <summary>"That code is not valid now." — routing refused the change.</summary>
    public const string NotValidNow = "en/agent/code-not-valid";

    /// <summary>Every prompt above.</summary>
    public static IReadOnlyList<string> All { get; } = [LoggedIn, LoggedOut, Paused, Available, NotValidNow];
}
