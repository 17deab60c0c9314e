using System.Collections.ObjectModel;

namespace CallCenter.Config;

/// <summary>One agent: the SIP account a softphone registers with, plus routing skills.</summary>
public sealed class AgentConfig
{
    /// <summary>Creates an agent. Values are assumed validated (see <see cref="ConfigLoader"/>).</summary>
    /// <param name="extension">SIP user name the softphone registers with.</param>
    /// <param name="name">Display name shown to supervisors and callers.</param>
    /// <param name="secret">Digest credential.</param>
    /// <param name="skills">Skill name to proficiency (1–10); copied.</param>
    public AgentConfig(string extension, string name, AgentSecret secret, IEnumerable<KeyValuePair<string, int>> skills)
    {
        ArgumentException.ThrowIfNullOrEmpty(extension);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(skills);

        Extension = extension;
        Name = name;
        Secret = secret;
        Skills = new ReadOnlyDictionary<string, int>(new Dictionary<string, int>(skills, StringComparer.Ordinal));
    }

    /// <summary>SIP user name (RFC 3261 §19.1.1 "user") the softphone registers with, e.g. "1001".</summary>
    public string Extension { get; }

    /// <summary>Human-readable name, e.g. "Ana Santos".</summary>
    public string Name { get; }

    /// <summary>Digest credential; its <see cref="AgentSecret.ToString"/> never reveals the value.</summary>
    public AgentSecret Secret { get; }

    /// <summary>Skill name (lowercase, e.g. "sales", "lang-en") to proficiency from 1 to 10.</summary>
    public IReadOnlyDictionary<string, int> Skills { get; }

    /// <summary>Identifies the agent for logs; the secret is not included.</summary>
    public override string ToString() => $"agent {Extension} \"{Name}\"";
}
