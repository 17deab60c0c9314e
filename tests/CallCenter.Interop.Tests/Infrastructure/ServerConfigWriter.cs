using System.Globalization;
using System.Text;

namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>Writes the server's YAML configuration (agents and numbers) for a test.</summary>
public static class ServerConfigWriter
{
    /// <summary>The YAML text for <paramref name="agents"/>, with number 100 routed to the <c>main</c> flow.</summary>
    public static string Render(IEnumerable<TestAgent> agents)
    {
        var yaml = new StringBuilder();
        yaml.Append("agents:\n");
        foreach (var agent in agents)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - extension: {Quote(agent.Extension)}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    name: {Quote(agent.Name)}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    secret: {Quote(agent.Secret)}\n");
            yaml.Append("    skills: { sales: 5 }\n");
        }

        yaml.Append("numbers:\n");
        yaml.Append("  \"100\": main\n");
        return yaml.ToString();
    }

    // YAML double-quoted scalar: only backslash and double quote need escaping for the values tests use.
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
