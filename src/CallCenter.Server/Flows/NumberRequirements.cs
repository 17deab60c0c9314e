using CallCenter.Config;
using CallCenter.Config.Yaml;
using CallCenter.Ivr.Catalog;
using CallCenter.Ivr.Definition;

namespace CallCenter.Server.Flows;

/// <summary>
/// One <see cref="FlowRequirement"/> per dialled number of the contact-centre file, pointing at the line where the
/// number names its flow, so a number whose flow is missing is reported as <c>FILE:LINE:COLUMN</c>.
/// </summary>
public static class NumberRequirements
{
    /// <summary>The requirements of every number in <paramref name="config"/>, in the order of the file.</summary>
    public static IReadOnlyList<FlowRequirement> From(CallCenterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        IReadOnlyDictionary<string, FlowPosition> positions = FlowNamePositions(config.SourcePath);
        return
        [
            .. config.Numbers
                .OrderBy(n => positions.GetValueOrDefault(n.Key).Line)
                .ThenBy(n => n.Key, StringComparer.Ordinal)
                .Select(n => new FlowRequirement(n.Value, config.SourcePath, positions.GetValueOrDefault(n.Key, FlowPosition.File), $"number \"{n.Key}\"")),
        ];
    }

    /// <summary>Where each number's flow name is written; empty when the file cannot be read again (then messages name the file only).</summary>
    private static Dictionary<string, FlowPosition> FlowNamePositions(string path)
    {
        var positions = new Dictionary<string, FlowPosition>(StringComparer.Ordinal);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return positions;
        }

        if (YamlTreeReader.Read(text, new ErrorCollector(path)) is not MappingNode root)
        {
            return positions;
        }

        foreach (MappingEntry section in root.Entries.Where(e => e.Key.Value == "numbers"))
        {
            if (section.Value is MappingNode numbers)
            {
                foreach (MappingEntry number in numbers.Entries)
                {
                    positions.TryAdd(number.Key.Value, new FlowPosition(number.Value.Start.Line, number.Value.Start.Column));
                }
            }
        }

        return positions;
    }
}
