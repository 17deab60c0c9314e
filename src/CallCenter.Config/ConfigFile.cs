using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Config;

/// <summary>Reads the configuration file, turning I/O failures into an operator-facing problem.</summary>
internal static class ConfigFile
{
    public static bool TryRead(string path, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out ConfigError? error)
    {
        if (OperatorFile.TryReadText(path, "configuration file", out text, out var reason))
        {
            error = null;
            return true;
        }

        error = new ConfigError(path, 0, 0, reason);
        return false;
    }
}
