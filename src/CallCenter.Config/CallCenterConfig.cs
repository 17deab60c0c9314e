using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Config;

/// <summary>The whole contact-centre configuration, as loaded from one YAML file. Immutable.</summary>
public sealed class CallCenterConfig
{
    /// <summary>Creates a configuration. Extensions must be unique.</summary>
    /// <param name="agents">Agents in file order; copied.</param>
    /// <param name="numbers">Dialled number to IVR flow name; copied.</param>
    /// <param name="sourcePath">File (or source name) the configuration was read from.</param>
    /// <exception cref="ArgumentException">Two agents share an extension.</exception>
    public CallCenterConfig(
        IEnumerable<AgentConfig> agents,
        IEnumerable<KeyValuePair<string, string>> numbers,
        string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(sourcePath);

        AgentConfig[] agentArray = [.. agents];
        Agents = agentArray.AsReadOnly();
        AgentsByExtension = IndexByExtension(agentArray);
        Numbers = new Dictionary<string, string>(numbers, StringComparer.Ordinal).AsReadOnly();
        SourcePath = sourcePath;
    }

    /// <summary>Agents in the order they appear in the file.</summary>
    public IReadOnlyList<AgentConfig> Agents { get; }

    /// <summary>
    /// Agents keyed by extension for O(1) lookup when a REGISTER or INVITE arrives. Ordinal
    /// comparison because the SIP user part compares case-sensitively (RFC 3261 §19.1.4).
    /// </summary>
    public IReadOnlyDictionary<string, AgentConfig> AgentsByExtension { get; }

    /// <summary>Dialled number (e.g. "100") to IVR flow name (e.g. "main").</summary>
    public IReadOnlyDictionary<string, string> Numbers { get; }

    /// <summary>The file (or source name) this configuration was read from.</summary>
    public string SourcePath { get; }

    /// <summary>Finds the agent registered under <paramref name="extension"/>.</summary>
    public bool TryGetAgent(string extension, [NotNullWhen(true)] out AgentConfig? agent) =>
        AgentsByExtension.TryGetValue(extension, out agent);

    private static IReadOnlyDictionary<string, AgentConfig> IndexByExtension(AgentConfig[] agents)
    {
        var index = new Dictionary<string, AgentConfig>(agents.Length, StringComparer.Ordinal);
        foreach (AgentConfig agent in agents)
        {
            if (!index.TryAdd(agent.Extension, agent))
            {
                throw new ArgumentException($"Extension \"{agent.Extension}\" is used by more than one agent.", nameof(agents));
            }
        }

        return index.AsReadOnly();
    }
}
