using CallCenter.Config.Sections;
using CallCenter.Config.Yaml;

namespace CallCenter.Config;

/// <summary>
/// Loads the contact-centre YAML file. Either the whole file is valid and a
/// <see cref="CallCenterConfig"/> is returned, or a <see cref="ConfigException"/> lists every
/// problem found as <c>FILE:LINE:COLUMN: what is wrong</c>.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Reads and validates the file at <paramref name="path"/>.</summary>
    /// <exception cref="ConfigException">The file cannot be read or is not a valid configuration.</exception>
    public static CallCenterConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return LoadFromText(ReadFile(path), path);
    }

    /// <summary>Validates configuration text; <paramref name="sourceName"/> names it in messages.</summary>
    /// <exception cref="ConfigException">The text is not a valid configuration.</exception>
    public static CallCenterConfig LoadFromText(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);

        var errors = new ErrorCollector(sourceName);
        Node? root = YamlTreeReader.Read(yaml, errors);

        // A null root after a problem means the YAML could not be read to the end; checking
        // the part before it would only add misleading "missing" messages.
        var builder = new ConfigBuilder();
        if (root is not null || !errors.HasErrors)
        {
            DocumentReader.Read(root, builder, errors);
        }

        if (errors.HasErrors)
        {
            throw errors.ToException();
        }

        return builder.Build(sourceName);
    }

    private static string ReadFile(string path)
    {
        string problem;
        try
        {
            if (Directory.Exists(path))
            {
                problem = "this is a folder, not a configuration file";
            }
            else
            {
                return File.ReadAllText(path);
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = $"the configuration file does not exist (looked for {Path.GetFullPath(path)})";
        }
        catch (UnauthorizedAccessException)
        {
            problem = "permission denied reading the configuration file";
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ArgumentException)
        {
            problem = $"cannot read the configuration file: {ex.Message}";
        }

        throw new ConfigException([new ConfigError(path, 0, 0, problem)]);
    }
}
