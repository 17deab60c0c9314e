using System.Globalization;
using System.Text;

namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>Writes the server's YAML configuration (agents and numbers) for a test.</summary>
public static class ServerConfigWriter
{
    /// <summary>
    /// The numbers most tests dial: 100 runs the agent line (ivr-flows/agent-line.yaml: "press 1 to speak to an agent",
    /// then the first free English-speaking agent), the flow the press-1 tests were written against.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AgentLineNumbers { get; } = new Dictionary<string, string> { ["100"] = "agent-line" };

    /// <summary>
    /// The trunk every test server has unless a test gives its own: its address is 127.0.0.1, so the peers' calls from
    /// loopback come from a trusted provider and need no credentials, as calls from a carrier do (unknown sources are
    /// challenged). It does not register, and no callbacks use it.
    /// </summary>
    public const string LoopbackTrunk =
        "trunks:\n" +
        "  loopback:\n" +
        "    host: 127.0.0.1\n" +
        "    port: 5060\n" +
        "    addresses: [127.0.0.1]\n" +
        "    caller-id: \"+6328881234\"\n" +
        "    default-region: PH\n";

    /// <summary>
    /// The YAML text for <paramref name="agents"/> and <paramref name="numbers"/> (<see cref="AgentLineNumbers"/> by default),
    /// with <paramref name="trunks"/> (YAML for the <c>trunks:</c> section and optionally <c>callbacks:</c>;
    /// <see cref="LoopbackTrunk"/> by default).
    /// </summary>
    public static string Render(IEnumerable<TestAgent> agents, IReadOnlyDictionary<string, string>? numbers = null, string? trunks = null)
    {
        var yaml = new StringBuilder();
        yaml.Append("agents:\n");
        foreach (var agent in agents)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - extension: {Quote(agent.Extension)}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    name: {Quote(agent.Name)}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    secret: {Quote(agent.Secret)}\n");
            var skills = agent.Skills.Select(skill => string.Create(CultureInfo.InvariantCulture, $"{skill.Key}: {skill.Value}"));
            yaml.Append(CultureInfo.InvariantCulture, $"    skills: {{ {string.Join(", ", skills)} }}\n");
        }

        yaml.Append("numbers:\n");
        foreach (var (number, flow) in numbers ?? AgentLineNumbers)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  {Quote(number)}: {flow}\n");
        }

        yaml.Append(trunks ?? LoopbackTrunk);
        return yaml.ToString();
    }

    // YAML double-quoted scalar: only backslash and double quote need escaping for the values tests use.
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
