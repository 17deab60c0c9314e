using CallCenter.Ivr.Prompts;
using CallCenter.Media.Audio;

namespace CallCenter.Server.Flows;

/// <summary>
/// The prompts the server has loaded, as the flow checker sees them: a prompt exists in a language only when that
/// language's folder holds it. The library itself falls back to English on lookups; the checker must not, or it
/// could not warn that a Filipino caller will hear an English prompt.
/// </summary>
public sealed class PromptLibraryCatalog : IPromptCatalog
{
    private readonly PromptLibrary _library;

    /// <summary>A catalog over <paramref name="library"/>.</summary>
    public PromptLibraryCatalog(PromptLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        _library = library;
        Languages = [.. library.Languages.Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Languages { get; }

    /// <inheritdoc />
    public bool Exists(string language, string name)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(name);
        string key = language + "/" + name;

        // A found prompt's key names the language it really came from ("en/welcome" when "tl/welcome" fell back).
        return _library.TryGet(key, out Prompt? prompt) && string.Equals(prompt.Key, key, StringComparison.OrdinalIgnoreCase);
    }
}
