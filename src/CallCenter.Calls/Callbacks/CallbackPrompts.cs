using CallCenter.Media.Audio;

namespace CallCenter.Calls.Callbacks;

/// <summary>
/// The prompts a callback plays (made from <c>scripts/prompts.callback.txt</c> into <c>audio/LANG/callback/</c>): the
/// agent's whisper, the customer's greeting, and what the agent hears when the customer cannot be reached.
/// </summary>
internal static class CallbackPrompts
{
    public const string Whisper = "callback/whisper";
    public const string Greeting = "callback/greeting";
    public const string NotReached = "callback/not-reached";

    /// <summary>"Callback for" and the number's digits one by one, in <paramref name="language"/>.</summary>
    public static IReadOnlyList<string> WhisperFor(string number, string language)
    {
        var names = new List<string>(number.Length + 1) { Whisper };
        // Only the digits are read: E.164 has nothing else but the leading +.
        NumberSpeaker.AppendDigits(new string([.. number.Where(char.IsAsciiDigit)]), names);
        return [.. names.Select(name => language + "/" + name)];
    }

    /// <summary>One prompt in <paramref name="language"/>.</summary>
    public static IReadOnlyList<string> One(string name, string language) => [language + "/" + name];
}
