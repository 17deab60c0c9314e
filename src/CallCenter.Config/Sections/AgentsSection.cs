using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>The <c>agents:</c> list: one SIP account per agent, extensions unique.</summary>
internal sealed class AgentsSection : ConfigSection
{
    public override string Key => "agents";

    public override void Read(Node value, ConfigBuilder builder, ErrorCollector errors)
    {
        SequenceNode? list = Expect.SequenceOrEmpty(value, "agents", "a list of agents, each item starting with \"- extension:\"", errors);
        if (list is null)
        {
            return;
        }

        var firstUse = new Dictionary<string, ScalarNode>(list.Items.Count, StringComparer.Ordinal);
        for (int i = 0; i < list.Items.Count; i++)
        {
            AgentReader.Result result = AgentReader.Read(list.Items[i], itemNumber: i + 1, errors);
            if (result.Extension is null)
            {
                continue;
            }

            // Ordinal: the user part of a SIP URI compares case-sensitively (RFC 3261 §19.1.4).
            if (firstUse.TryGetValue(result.Extension.Value, out ScalarNode? first))
            {
                errors.Add(result.Extension.Start, $"extension \"{result.Extension.Value}\" is used by two agents: first on line {first.Start.Line}, again on line {result.Extension.Start.Line}");
                continue;
            }

            firstUse.Add(result.Extension.Value, result.Extension);
            if (result.Agent is not null)
            {
                builder.Agents.Add(result.Agent);
            }
        }
    }
}
