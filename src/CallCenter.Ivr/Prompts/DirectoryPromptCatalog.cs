namespace CallCenter.Ivr.Prompts;

/// <summary>
/// The prompts on disk: <c>AUDIO_ROOT/&lt;language&gt;/&lt;name&gt;.wav</c>. The languages are the folders
/// under the root, read once when the catalog is made; whether a file exists is asked each time, so
/// <c>flows check</c> sees recordings added since.
/// </summary>
public sealed class DirectoryPromptCatalog : IPromptCatalog
{
    private const string Extension = ".wav";

    private readonly string _root;

    /// <summary>A catalog of the prompts under <paramref name="audioRoot"/> (e.g. <c>audio</c>); a missing folder has none.</summary>
    public DirectoryPromptCatalog(string audioRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(audioRoot);
        _root = Path.GetFullPath(audioRoot);
        Languages = ReadLanguages(_root);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Languages { get; }

    /// <inheritdoc />
    public bool Exists(string language, string name)
    {
        // Both parts become a path, so only well-formed names are looked up: nothing can point outside the root.
        if (!PromptName.IsValid(language) || language.Contains('/') || !PromptName.IsValid(name))
        {
            return false;
        }

        return File.Exists(Path.Combine(_root, language, name.Replace('/', Path.DirectorySeparatorChar) + Extension));
    }

    private static string[] ReadLanguages(string root)
    {
        try
        {
            return Directory.Exists(root)
                ? [.. Directory.EnumerateDirectories(root).Select(Path.GetFileName).OfType<string>().Where(PromptName.IsValid).Order(StringComparer.Ordinal)]
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
