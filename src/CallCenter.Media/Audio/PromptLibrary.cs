using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Media.Audio;

/// <summary>
/// Every prompt, loaded and encoded once at start-up, looked up by key and language. A key is
/// the file's path inside its language folder without <c>.wav</c> (<c>audio/en/digits/3.wav</c>
/// is key <c>digits/3</c> in language <c>en</c>, library key <c>en/digits/3</c>); keys and
/// languages ignore case. Look prompts up either by key and language or by library key. A prompt
/// missing in the caller's language is taken from the language's base (<c>en-GB</c> → <c>en</c>)
/// and then from the fallback language. Immutable and safe to share between all calls; lookups
/// do not allocate.
/// </summary>
public sealed class PromptLibrary
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, Prompt>> _languages;
    private readonly FrozenDictionary<string, FrozenDictionary<string, Prompt>>.AlternateLookup<ReadOnlySpan<char>> _languagesBySpan;
    private readonly FrozenDictionary<string, Prompt>.AlternateLookup<ReadOnlySpan<char>> _fallbackBySpan;

    private PromptLibrary(string fallbackLanguage, FrozenDictionary<string, FrozenDictionary<string, Prompt>> languages)
    {
        FallbackLanguage = fallbackLanguage;
        _languages = languages;
        _languagesBySpan = languages.GetAlternateLookup<ReadOnlySpan<char>>();
        _fallbackBySpan = languages[fallbackLanguage].GetAlternateLookup<ReadOnlySpan<char>>();
        Count = languages.Values.Sum(prompts => prompts.Count);
    }

    /// <summary>The language every lookup falls back to.</summary>
    public string FallbackLanguage { get; }

    /// <summary>The languages that have at least one prompt (folder names as found).</summary>
    public IReadOnlyCollection<string> Languages => _languages.Keys;

    /// <summary>Number of prompts over all languages.</summary>
    public int Count { get; }

    /// <summary>
    /// Loads and checks every WAV file under <see cref="PromptLibraryOptions.Directory"/>.
    /// </summary>
    /// <exception cref="PromptLibraryException">Any file is unusable; the exception lists all of them.</exception>
    public static PromptLibrary Load(PromptLibraryOptions options) =>
        TryLoad(options, out PromptLibrary? library, out IReadOnlyList<AudioError> errors)
            ? library
            : throw new PromptLibraryException(errors);

    /// <summary>
    /// Loads and checks every WAV file under <see cref="PromptLibraryOptions.Directory"/> without
    /// throwing for bad files: either all are usable, or every problem is returned, sorted by file.
    /// </summary>
    public static bool TryLoad(
        PromptLibraryOptions options, [NotNullWhen(true)] out PromptLibrary? library, out IReadOnlyList<AudioError> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Directory);
        ArgumentException.ThrowIfNullOrEmpty(options.FallbackLanguage);

        errors = PromptDirectoryLoader.Load(options, out List<(string Language, string Key, Prompt Prompt)> prompts);
        library = errors.Count == 0 ? Create(options.FallbackLanguage, prompts) : null;
        return library is not null;
    }

    /// <summary>
    /// Builds a library from prompts made in memory (tests, generated audio). Each prompt's
    /// <see cref="Prompt.Key"/> must be <c>language/key</c>, e.g. <c>en/welcome</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A key has no language part, two prompts share a key, or the fallback language has no prompt.</exception>
    public static PromptLibrary FromPrompts(string fallbackLanguage, IEnumerable<Prompt> prompts)
    {
        ArgumentException.ThrowIfNullOrEmpty(fallbackLanguage);
        ArgumentNullException.ThrowIfNull(prompts);
        var entries = new List<(string Language, string Key, Prompt Prompt)>();
        foreach (Prompt prompt in prompts)
        {
            int slash = prompt.Key.IndexOf('/');
            if (slash <= 0 || slash == prompt.Key.Length - 1)
            {
                throw new ArgumentException($"Prompt key '{prompt.Key}' must be 'language/key'.", nameof(prompts));
            }

            entries.Add((prompt.Key[..slash], prompt.Key[(slash + 1)..], prompt));
        }

        if (!entries.Any(e => string.Equals(e.Language, fallbackLanguage, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"No prompt is in the fallback language '{fallbackLanguage}'.", nameof(prompts));
        }

        return Create(fallbackLanguage, entries);
    }

    /// <summary>
    /// Finds <paramref name="key"/> (e.g. <c>digits/3</c>) in <paramref name="language"/>, then in its
    /// base language, then in the fallback language. A null or empty language means the fallback.
    /// </summary>
    public bool TryGet(string key, string? language, [NotNullWhen(true)] out Prompt? prompt)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TryFind(language.AsSpan(), key, out prompt);
    }

    /// <summary>
    /// Finds a prompt by its library key, language first (<c>ms/welcome</c>, <c>en/digits/3</c>),
    /// with the same fallback as <see cref="TryGet(string, string?, out Prompt?)"/>: <c>ms/welcome</c>
    /// falls back to <c>en/welcome</c>.
    /// </summary>
    public bool TryGet(string qualifiedKey, [NotNullWhen(true)] out Prompt? prompt)
    {
        ArgumentNullException.ThrowIfNull(qualifiedKey);
        int slash = qualifiedKey.IndexOf('/');
        if (slash <= 0)
        {
            prompt = null;
            return false;
        }

        return TryFind(qualifiedKey.AsSpan(0, slash), qualifiedKey.AsSpan(slash + 1), out prompt);
    }

    /// <summary>Like <see cref="TryGet(string, string?, out Prompt?)"/>, for keys that must exist.</summary>
    /// <exception cref="KeyNotFoundException">Neither the language nor the fallback has the key.</exception>
    public Prompt Get(string key, string? language) =>
        TryGet(key, language, out Prompt? prompt)
            ? prompt
            : throw new KeyNotFoundException($"No prompt '{key}' in language '{language ?? FallbackLanguage}' or in the fallback '{FallbackLanguage}'.");

    /// <summary>Like <see cref="TryGet(string, out Prompt?)"/>, for keys that must exist.</summary>
    /// <exception cref="KeyNotFoundException">Neither the key's language nor the fallback has the key.</exception>
    public Prompt Get(string qualifiedKey) =>
        TryGet(qualifiedKey, out Prompt? prompt)
            ? prompt
            : throw new KeyNotFoundException($"No prompt '{qualifiedKey}' (with fallback to '{FallbackLanguage}').");

    /// <summary>True when <see cref="TryGet(string, string?, out Prompt?)"/> would find <paramref name="key"/>.</summary>
    public bool Contains(string key, string? language) => TryGet(key, language, out _);

    /// <summary>True when <see cref="TryGet(string, out Prompt?)"/> would find <paramref name="qualifiedKey"/>.</summary>
    public bool Contains(string qualifiedKey) => TryGet(qualifiedKey, out _);

    /// <summary>
    /// The keys of <paramref name="keys"/> that no lookup in <paramref name="language"/> would find
    /// (fallback included), in the order given: for checking at start-up that every prompt an IVR
    /// flow or the <see cref="NumberSpeaker"/> can ask for exists.
    /// </summary>
    public IReadOnlyList<string> FindMissing(IEnumerable<string> keys, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return [.. keys.Where(key => !Contains(key, language)).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private bool TryFind(ReadOnlySpan<char> language, ReadOnlySpan<char> key, [NotNullWhen(true)] out Prompt? prompt)
    {
        if (!language.IsEmpty)
        {
            if (TryFindIn(language, key, out prompt))
            {
                return true;
            }

            // "en-GB" → "en": the base language is the part before the first subtag (RFC 5646 §2.1).
            int dash = language.IndexOf('-');
            if (dash > 0 && TryFindIn(language[..dash], key, out prompt))
            {
                return true;
            }
        }

        return _fallbackBySpan.TryGetValue(key, out prompt);
    }

    private bool TryFindIn(ReadOnlySpan<char> language, ReadOnlySpan<char> key, [NotNullWhen(true)] out Prompt? prompt)
    {
        if (_languagesBySpan.TryGetValue(language, out FrozenDictionary<string, Prompt>? prompts))
        {
            return prompts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out prompt);
        }

        prompt = null;
        return false;
    }

    private static PromptLibrary Create(string fallbackLanguage, List<(string Language, string Key, Prompt Prompt)> prompts)
    {
        var languages = prompts
            .GroupBy(p => p.Language, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(
                group => group.Key,
                group => group.ToFrozenDictionary(p => p.Key, p => p.Prompt, StringComparer.OrdinalIgnoreCase),
                StringComparer.OrdinalIgnoreCase);
        return new PromptLibrary(fallbackLanguage, languages);
    }
}
