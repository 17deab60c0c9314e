using System.Diagnostics.CodeAnalysis;
using CallCenter.Config.Sections;
using CallCenter.Config.Yaml;

namespace CallCenter.Config;

/// <summary>
/// Loads the contact-centre YAML file. Either the whole file is valid and a
/// <see cref="CallCenterConfig"/> is produced, or every problem found is reported as
/// <c>FILE:LINE:COLUMN: what is wrong</c>, sorted by position.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Reads and validates the file at <paramref name="path"/>.</summary>
    /// <exception cref="ConfigException">The file cannot be read or is not a valid configuration.</exception>
    public static CallCenterConfig Load(string path) =>
        TryLoad(path, out CallCenterConfig? config, out IReadOnlyList<ConfigError> errors)
            ? config
            : throw new ConfigException(errors);

    /// <summary>Validates configuration text; <paramref name="sourceName"/> names it in messages.</summary>
    /// <exception cref="ConfigException">The text is not a valid configuration.</exception>
    public static CallCenterConfig LoadFromText(string yaml, string sourceName) =>
        TryLoadFromText(yaml, sourceName, out CallCenterConfig? config, out IReadOnlyList<ConfigError> errors)
            ? config
            : throw new ConfigException(errors);

    /// <summary>
    /// Reads and validates the file at <paramref name="path"/> without throwing for bad input,
    /// e.g. to keep the running configuration when a reload fails.
    /// </summary>
    /// <returns>True with <paramref name="config"/> set, or false with the sorted <paramref name="errors"/>.</returns>
    public static bool TryLoad(string path, [NotNullWhen(true)] out CallCenterConfig? config, out IReadOnlyList<ConfigError> errors)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (ConfigFile.TryRead(path, out string? text, out ConfigError? readError))
        {
            return TryLoadFromText(text, path, out config, out errors);
        }

        config = null;
        errors = [readError];
        return false;
    }

    /// <summary>Validates configuration text without throwing for bad input.</summary>
    /// <returns>True with <paramref name="config"/> set, or false with the sorted <paramref name="errors"/>.</returns>
    public static bool TryLoadFromText(string yaml, string sourceName, [NotNullWhen(true)] out CallCenterConfig? config, out IReadOnlyList<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);

        var collector = new ErrorCollector(sourceName);
        Node? root = YamlTreeReader.Read(yaml, collector);

        // A null root after a problem means the YAML could not be read to the end; checking
        // the part before it would only add misleading "missing" messages.
        var builder = new ConfigBuilder();
        if (root is not null || !collector.HasErrors)
        {
            DocumentReader.Read(root, builder, collector);
        }

        errors = collector.Sorted();
        config = collector.HasErrors ? null : builder.Build(sourceName);
        return config is not null;
    }
}
