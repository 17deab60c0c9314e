using System.Diagnostics.CodeAnalysis;
using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>Reads a flow file, turning I/O failures into a problem the operator can act on.</summary>
internal static class FlowFileText
{
    public static bool TryRead(string path, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out FlowProblem? problem)
    {
        text = null;
        problem = null;
        string reason;
        try
        {
            if (Directory.Exists(path))
            {
                reason = "this is a folder, not a flow file";
            }
            else
            {
                // Detects and drops a UTF-8/UTF-16 byte order mark, which some editors add.
                text = File.ReadAllText(path);
                return true;
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            reason = $"the flow file does not exist (looked for {Path.GetFullPath(path)})";
        }
        catch (UnauthorizedAccessException)
        {
            reason = "permission denied reading the flow file";
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ArgumentException)
        {
            reason = $"cannot read the flow file: {e.Message}";
        }

        problem = FlowProblem.Error(path, FlowPosition.File, reason);
        return false;
    }
}
