using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Config;

/// <summary>The whole contact-centre configuration, as loaded from one YAML file. Immutable.</summary>
public sealed class CallCenterConfig
{
    /// <summary>Skills starting with this name a caller's language, e.g. lang-en.</summary>
    public const string LanguageSkillPrefix = "lang-";

    /// <summary>Creates a configuration. Extensions must be unique.</summary>
    /// <param name="agents">Agents in file order; copied.</param>
    /// <param name="numbers">Dialled number to IVR flow name; copied.</param>
    /// <param name="sourcePath">File (or source name) the configuration was read from.</param>
    /// <param name="queues">Queues in file order; copied. Names must be unique.</param>
    /// <param name="trunks">Trunks in file order; copied. Names must be unique.</param>
    /// <param name="callbacks">Callback settings, or null when callbacks are not configured.</param>
    /// <exception cref="ArgumentException">Two agents share an extension, or two queues or trunks share a name.</exception>
    public CallCenterConfig(
        IEnumerable<AgentConfig> agents,
        IEnumerable<KeyValuePair<string, string>> numbers,
        string sourcePath,
        IEnumerable<QueueConfig>? queues = null,
        IEnumerable<TrunkConfig>? trunks = null,
        CallbackSettings? callbacks = null)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(sourcePath);

        AgentConfig[] agentArray = [.. agents];
        Agents = agentArray.AsReadOnly();
        AgentsByExtension = IndexByExtension(agentArray);
        Numbers = new Dictionary<string, string>(numbers, StringComparer.Ordinal).AsReadOnly();
        SourcePath = sourcePath;
        Queues = [.. queues ?? []];
        QueuesByName = Queues.ToDictionary(q => q.Name, StringComparer.Ordinal).AsReadOnly();
        Trunks = [.. trunks ?? []];
        TrunksByName = Trunks.ToDictionary(t => t.Name, StringComparer.Ordinal).AsReadOnly();
        Callbacks = callbacks;
    }

    /// <summary>Queues in the order they appear in the file.</summary>
    public IReadOnlyList<QueueConfig> Queues { get; }

    /// <summary>Queues by name (e.g. for overflow targets).</summary>
    public IReadOnlyDictionary<string, QueueConfig> QueuesByName { get; }

    /// <summary>Trunks in the order they appear in the file.</summary>
    public IReadOnlyList<TrunkConfig> Trunks { get; }

    /// <summary>Trunks by name.</summary>
    public IReadOnlyDictionary<string, TrunkConfig> TrunksByName { get; }

    /// <summary>How callbacks are placed; null when the file has no <c>callbacks:</c> section.</summary>
    public CallbackSettings? Callbacks { get; }

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

    /// <summary>
    /// The queue for an IVR queue node that asks for <paramref name="skills"/>: the queue whose
    /// skills are exactly those names; failing that, the queue whose skills are exactly the
    /// requested ones other than language skills (<c>lang-…</c>), which the call then requires
    /// in addition (so one "sales" queue serves callers of every language).
    /// </summary>
    public bool TryFindQueue(IReadOnlyCollection<string> skills, [NotNullWhen(true)] out QueueConfig? queue)
    {
        ArgumentNullException.ThrowIfNull(skills);
        queue = FindExact(skills) ?? FindExact([.. skills.Where(s => !s.StartsWith(LanguageSkillPrefix, StringComparison.Ordinal))]);
        return queue is not null;
    }

    private QueueConfig? FindExact(IReadOnlyCollection<string> skills)
    {
        var wanted = new HashSet<string>(skills, StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return null;
        }

        // File order decides if two queues have the same skills; the first one written wins.
        return Queues.FirstOrDefault(q => wanted.SetEquals(q.Skills.Keys));
    }

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
