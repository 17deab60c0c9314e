using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Config;

/// <summary>Reads the configuration file, turning I/O failures into an operator-facing problem.</summary>
internal static class ConfigFile
{
    public static bool TryRead(string path, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out ConfigError? error)
    {
        text = null;
        error = null;
        string problem;
        try
        {
            if (Directory.Exists(path))
            {
                problem = "this is a folder, not a configuration file";
            }
            else
            {
                // Detects and drops a UTF-8/UTF-16 byte order mark, which some editors add.
                text = File.ReadAllText(path);
                return true;
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

        error = new ConfigError(path, 0, 0, problem);
        return false;
    }
}
