using System.Diagnostics.CodeAnalysis;
using CallCenter.Config;
using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>Reads a flow file, turning I/O failures into a problem the operator can act on.</summary>
internal static class FlowFileText
{
    public static bool TryRead(string path, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out FlowProblem? problem)
    {
        if (OperatorFile.TryReadText(path, "flow file", out text, out var reason))
        {
            problem = null;
            return true;
        }

        problem = FlowProblem.Error(path, FlowPosition.File, reason);
        return false;
    }
}
