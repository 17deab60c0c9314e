using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Config;

/// <summary>
/// Reads a text file an operator edits (configuration, IVR flows), turning I/O failures into a reason the
/// operator can act on instead of an exception.
/// </summary>
public static class OperatorFile
{
    /// <summary>Reads <paramref name="path"/>; on failure <paramref name="reason"/> says why, naming the file as <paramref name="kind"/> (e.g. "configuration file").</summary>
    public static bool TryReadText(string path, string kind, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? reason)
    {
        text = null;
        try
        {
            if (Directory.Exists(path))
            {
                reason = $"this is a folder, not a {kind}";
                return false;
            }

            // Detects and drops a UTF-8/UTF-16 byte order mark, which some editors add.
            text = File.ReadAllText(path);
            reason = null;
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            reason = $"the {kind} does not exist (looked for {Path.GetFullPath(path)})";
        }
        catch (UnauthorizedAccessException)
        {
            reason = $"permission denied reading the {kind}";
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ArgumentException)
        {
            reason = $"cannot read the {kind}: {ex.Message}";
        }

        return false;
    }
}
