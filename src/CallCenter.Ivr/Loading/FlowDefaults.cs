namespace CallCenter.Ivr.Loading;

/// <summary>The values a flow file gets for the optional keys it leaves out.</summary>
public static class FlowDefaults
{
    /// <summary><c>language:</c> — prompts are played in English unless the flow says otherwise.</summary>
    public const string Language = "en";

    /// <summary>The language every prompt must exist in; other languages fall back to it.</summary>
    public const string FallbackLanguage = "en";

    /// <summary><c>interruptible:</c> of a play node — a key press stops the prompts.</summary>
    public const bool Interruptible = true;

    /// <summary><c>retries:</c> of a menu or collect node — how many times the question is repeated.</summary>
    public const int Retries = 2;

    /// <summary><c>min-digits:</c> of a collect node.</summary>
    public const int MinDigits = 1;

    /// <summary><c>terminator:</c> of a collect node — the key that ends input early.</summary>
    public const char Terminator = '#';

    /// <summary>What <c>terminator:</c> says for "no terminator key".</summary>
    public const string NoTerminator = "none";

    /// <summary>The prompt played when the caller presses nothing (<c>no-input-prompts:</c>).</summary>
    public const string NoInputPrompt = "no-input";

    /// <summary>The prompt played after a wrong key or invalid digits (<c>invalid-prompts:</c>).</summary>
    public const string InvalidPrompt = "invalid-choice";

    /// <summary>The prompt a hangup node plays (<c>prompts:</c>).</summary>
    public const string GoodbyePrompt = "goodbye";

    /// <summary><c>timeout:</c> of a menu, measured from the end of its prompts.</summary>
    public static TimeSpan MenuTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary><c>first-digit-timeout:</c> of a collect node.</summary>
    public static TimeSpan FirstDigitTimeout { get; } = TimeSpan.FromSeconds(8);

    /// <summary><c>inter-digit-timeout:</c> of a collect node.</summary>
    public static TimeSpan InterDigitTimeout { get; } = TimeSpan.FromSeconds(4);
}
