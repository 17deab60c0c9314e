using YamlDotNet.Core;

namespace CallCenter.Config.Yaml;

/// <summary>A 1-based line and column in the configuration text.</summary>
public readonly record struct TextPosition(int Line, int Column)
{
    /// <summary>The top of the file, for problems that have no better place.</summary>
    public static TextPosition StartOfFile { get; } = new(1, 1);

    /// <summary>Converts a YamlDotNet mark (already 1-based) to a position.</summary>
    internal static TextPosition From(Mark mark) => new((int)mark.Line, (int)mark.Column);
}
