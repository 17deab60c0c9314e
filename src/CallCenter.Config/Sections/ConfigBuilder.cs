using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>Valid parts of the configuration gathered by the sections while the file is read.</summary>
internal sealed class ConfigBuilder
{
    public List<AgentConfig> Agents { get; } = [];

    public Dictionary<string, string> Numbers { get; } = new(StringComparer.Ordinal);

    public List<QueueConfig> Queues { get; } = [];

    public List<TrunkConfig> Trunks { get; } = [];

    public CallbackSettings? Callbacks { get; set; }

    /// <summary>Every trunk name written in the file, valid or not, so a reference to a broken trunk is not also reported as unknown.</summary>
    public HashSet<string> DeclaredTrunks { get; } = new(StringComparer.Ordinal);

    /// <summary>True when the file has a <c>callbacks:</c> section, even an invalid one.</summary>
    public bool CallbacksDeclared { get; set; }

    /// <summary>Where queues chose <c>callback</c> as a fallback, checked once every section is read.</summary>
    public List<(TextPosition At, string Message)> CallbackFallbackUses { get; } = [];

    /// <summary>Where <c>callbacks: trunk:</c> names a trunk, checked once every section is read.</summary>
    public ScalarNode? CallbackTrunkReference { get; set; }

    public CallCenterConfig Build(string sourcePath) => new(Agents, Numbers, sourcePath, Queues, Trunks, Callbacks);
}
