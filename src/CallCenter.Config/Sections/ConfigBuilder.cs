namespace CallCenter.Config.Sections;

/// <summary>Valid parts of the configuration gathered by the sections while the file is read.</summary>
internal sealed class ConfigBuilder
{
    public List<AgentConfig> Agents { get; } = [];

    public Dictionary<string, string> Numbers { get; } = new(StringComparer.Ordinal);

    public CallCenterConfig Build(string sourcePath) => new(Agents, Numbers, sourcePath);
}
