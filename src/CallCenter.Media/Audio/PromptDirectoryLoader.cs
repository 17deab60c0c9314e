using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Media.Audio;

/// <summary>
/// Finds, reads and checks every WAV file of a prompt directory, collecting every problem
/// rather than stopping at the first, so one start-up shows the operator all files to fix.
/// </summary>
internal static class PromptDirectoryLoader
{
    private const string WavExtension = ".wav";

    /// <summary>Loads the prompts; returns the problems found, sorted by file (empty on success).</summary>
    public static IReadOnlyList<AudioError> Load(
        PromptLibraryOptions options, out List<(string Language, string Key, Prompt Prompt)> prompts)
    {
        string directory = options.Directory;
        prompts = [];
        var errors = new List<AudioError>();
        if (!Directory.Exists(directory))
        {
            errors.Add(new AudioError(directory, "prompt directory not found"));
            return errors;
        }

        if (!TryListWavFiles(directory, out List<string> files, out AudioError? listError))
        {
            errors.Add(listError);
            return errors;
        }

        // Which file first claimed each language/key, to name both files in a clash.
        var claimed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string file in files)
        {
            if (!TrySplitName(directory, file, out string language, out string key))
            {
                errors.Add(new AudioError(file,
                    $"prompts must be inside a language folder, e.g. {Path.Combine(directory, options.FallbackLanguage, Path.GetFileName(file))}"));
                continue;
            }

            string fullKey = $"{language}/{key}";
            if (claimed.TryGetValue(fullKey, out string? firstFile))
            {
                errors.Add(new AudioError(file, $"same prompt key '{fullKey}' as {firstFile} (keys ignore case)"));
                continue;
            }

            claimed.Add(fullKey, file);
            WavReadResult result = WavReader.ReadFile(file, options.MaxFileBytes);
            if (result.Error is not null)
            {
                errors.Add(result.Error);
                continue;
            }

            prompts.Add((language, key, Prompt.FromSamples(fullKey, result.Audio!.Samples)));
        }

        // A fallback folder whose files are all broken is already reported file by file.
        bool fallbackHasFiles = files.Any(file => TrySplitName(directory, file, out string language, out _)
            && string.Equals(language, options.FallbackLanguage, StringComparison.OrdinalIgnoreCase));
        if (!fallbackHasFiles)
        {
            errors.Add(new AudioError(directory,
                $"no prompts in the fallback language '{options.FallbackLanguage}' (expected {Path.Combine(directory, options.FallbackLanguage)}/*.wav)"));
        }

        errors.Sort((a, b) => string.CompareOrdinal(a.Source, b.Source));
        return errors;
    }

    private static bool TryListWavFiles(string directory, out List<string> files, [NotNullWhen(false)] out AudioError? error)
    {
        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = false,
            MatchCasing = MatchCasing.CaseInsensitive,
        };
        try
        {
            files = [.. Directory.EnumerateFiles(directory, "*" + WavExtension, enumeration)
                .Order(StringComparer.Ordinal)];
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            files = [];
            error = new AudioError(directory, $"cannot list the prompt directory: {ex.Message}");
            return false;
        }
    }

    /// <summary>
    /// Splits <c>DIR/en/digits/3.wav</c> into language <c>en</c> and key <c>digits/3</c>;
    /// false for a file directly in the prompt directory.
    /// </summary>
    private static bool TrySplitName(string directory, string file, out string language, out string key)
    {
        string relative = Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
        relative = relative[..^WavExtension.Length];
        int slash = relative.IndexOf('/');
        if (slash <= 0)
        {
            language = string.Empty;
            key = string.Empty;
            return false;
        }

        language = relative[..slash];
        key = relative[(slash + 1)..];
        return true;
    }
}
