namespace CallCenter.Ivr.Prompts;

/// <summary>
/// Which prompt recordings exist, by language, so flows can be checked before a caller hears a gap. A prompt
/// <c>welcome</c> in language <c>tl</c> is the recording <c>audio/tl/welcome.wav</c>.
/// </summary>
public interface IPromptCatalog
{
    /// <summary>The languages that have recordings (e.g. en, ms, tl), sorted.</summary>
    IReadOnlyList<string> Languages { get; }

    /// <summary>True when prompt <paramref name="name"/> (e.g. <c>main/welcome</c>) is recorded in <paramref name="language"/>.</summary>
    bool Exists(string language, string name);
}
