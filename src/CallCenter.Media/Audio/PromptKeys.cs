namespace CallCenter.Media.Audio;

/// <summary>
/// The prompt keys the server itself plays, as paths inside a language folder
/// (<c>audio/en/queue/in-line.wav</c> is <see cref="InLine"/>). <c>scripts/prompts.txt</c>
/// generates the English set.
/// </summary>
public static class PromptKeys
{
    /// <summary>"Welcome to CallCenter. Press 1 to speak to an agent."</summary>
    public const string Welcome = "welcome";

    /// <summary>"Connecting you to an agent."</summary>
    public const string Connecting = "connecting";

    /// <summary>"All agents are busy."</summary>
    public const string AllAgentsBusy = "all-agents-busy";

    /// <summary>"Goodbye."</summary>
    public const string Goodbye = "goodbye";

    /// <summary>"That is not a valid choice."</summary>
    public const string InvalidChoice = "invalid-choice";

    /// <summary>"We did not receive your choice."</summary>
    public const string NoInput = "no-input";

    /// <summary>"You are number" (followed by a number).</summary>
    public const string YouAreNumber = "queue/you-are-number";

    /// <summary>"in line" (after the queue position).</summary>
    public const string InLine = "queue/in-line";

    /// <summary>"Your estimated wait is" (followed by a duration).</summary>
    public const string EstimatedWait = "queue/estimated-wait";

    /// <summary>"minute", after "one".</summary>
    public const string Minute = "time/minute";

    /// <summary>"minutes", after any other number.</summary>
    public const string Minutes = "time/minutes";

    /// <summary>"less than a minute", for a wait that rounds to zero minutes.</summary>
    public const string LessThanAMinute = "time/less-than-a-minute";

    /// <summary>"hundred", after a digit 1–9.</summary>
    public const string Hundred = "digits/hundred";

    /// <summary>"thousand", after a number 1–999.</summary>
    public const string Thousand = "digits/thousand";

    /// <summary>"star", the keypad key *.</summary>
    public const string Star = "digits/star";

    /// <summary>"pound", the keypad key #.</summary>
    public const string Pound = "digits/pound";

    /// <summary>
    /// Every key above plus every key <see cref="NumberSpeaker"/> can produce: the set a language
    /// folder needs for the server's own announcements.
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Welcome, Connecting, AllAgentsBusy, Goodbye, InvalidChoice, NoInput,
        .. NumberSpeaker.AllKeys,
    ];
}
