using System.Collections.Concurrent;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;

namespace CallCenter.Ivr.Runtime;

/// <summary>
/// Turns prompt names into prompt library keys for the caller's language: name N in language L is <c>L/N</c> when
/// the library has it, else <c>en/N</c> (English is the language every prompt must exist in). Results are
/// remembered, so a step that plays a prompt list looks nothing up and allocates nothing after the first call.
/// </summary>
internal sealed class PromptResolver
{
    // Languages come from set nodes and could in principle be built from caller input; the bound keeps the
    // caches from growing with such values. Real flows use a few prompt lists times three languages.
    private const int MaxCached = 8192;

    private readonly Func<string, string, bool> _exists;
    private readonly ConcurrentDictionary<(string Language, string Name), string> _keys = new();
    private readonly ConcurrentDictionary<ListKey, ResolvedPrompts> _lists = new();
    private int _cached;

    /// <param name="exists">True when the library has prompt <c>name</c> (second argument) in <c>language</c> (first), without fallback.</param>
    public PromptResolver(Func<string, string, bool> exists) => _exists = exists;

    /// <summary>The library key for one prompt name.</summary>
    public string ResolveName(string name, string language)
    {
        if (_keys.TryGetValue((language, name), out string? key))
        {
            return key;
        }

        bool own = language != FlowDefaults.FallbackLanguage && _exists(language, name);
        key = (own ? language : FlowDefaults.FallbackLanguage) + "/" + name;
        Remember(_keys, (language, name), key);
        return key;
    }

    /// <summary>The library keys for a prompt list, with the names joined for the step log.</summary>
    public ResolvedPrompts Resolve(PromptList prompts, string language)
    {
        var listKey = new ListKey(prompts, language);
        if (_lists.TryGetValue(listKey, out ResolvedPrompts? resolved))
        {
            return resolved;
        }

        resolved = Build(prompts.Names, language);
        Remember(_lists, listKey, resolved);
        return resolved;
    }

    /// <summary>Resolves names built during the call (a say node); nothing is cached.</summary>
    public ResolvedPrompts Build(IReadOnlyList<string> names, string language)
    {
        var keys = new string[names.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = ResolveName(names[i], language);
        }

        return new ResolvedPrompts(keys, string.Join(' ', names));
    }

    private void Remember<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, TValue value)
        where TKey : notnull
    {
        if (Volatile.Read(ref _cached) < MaxCached && cache.TryAdd(key, value))
        {
            Interlocked.Increment(ref _cached);
        }
    }

    /// <summary>A prompt list (by identity: each list in a definition is its own object) in one language.</summary>
    private readonly struct ListKey(PromptList prompts, string language) : IEquatable<ListKey>
    {
        private readonly PromptList _prompts = prompts;
        private readonly string _language = language;

        public bool Equals(ListKey other) => ReferenceEquals(_prompts, other._prompts) && string.Equals(_language, other._language, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is ListKey other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_prompts), _language);
    }
}

/// <summary>Prompt library keys ready to play, and the prompt names for the step log.</summary>
/// <param name="Keys">The keys, e.g. <c>tl/welcome</c>, <c>en/digits/3</c>.</param>
/// <param name="Names">The names as the flow wrote them, space-separated.</param>
internal sealed record ResolvedPrompts(string[] Keys, string Names)
{
    public bool IsEmpty => Keys.Length == 0;
}
