namespace CallCenter.Ivr.Prompts;

/// <summary>
/// A catalog from prompt library keys such as <c>en/welcome</c> or <c>tl/main/main-menu</c> (language, '/', name),
/// e.g. the keys of the prompts the server has already loaded.
/// </summary>
public sealed class PromptKeyCatalog : IPromptCatalog
{
    private readonly HashSet<string> _keys;

    /// <summary>A catalog holding exactly <paramref name="keys"/>; keys without a '/' are ignored.</summary>
    public PromptKeyCatalog(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys.Where(k => k.IndexOf('/') > 0).ToHashSet(StringComparer.Ordinal);
        Languages = [.. _keys.Select(k => k[..k.IndexOf('/')]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Languages { get; }

    /// <inheritdoc />
    public bool Exists(string language, string name) => _keys.Contains(language + "/" + name);
}
