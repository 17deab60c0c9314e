using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>The <c>numbers:</c> mapping of dialled number to the IVR flow that answers it.</summary>
internal sealed class NumbersSection : ConfigSection
{
    private const string FlowShape = "the name of an IVR flow, such as main";

    public override string Key => "numbers";

    public override void Read(Node value, ConfigBuilder builder, ErrorCollector errors)
    {
        MappingNode? map = Expect.MappingOrEmpty(value, "numbers", "a mapping of dialled number to flow name, such as \"100\": main", errors);
        if (map is null)
        {
            return;
        }

        foreach (MappingEntry entry in map.Entries)
        {
            string number = entry.Key.Value;
            bool numberValid = Tokens.IsDialable(number);
            if (!numberValid)
            {
                errors.Add(entry.Key.Start, $"number {Describe.Quote(number)} can only contain digits, '*' and '#', optionally after a leading '+' (put it in quotes, such as \"*98\")");
            }

            string? flow = ReadFlowName(entry.Value, $"number {Describe.Quote(number)}: ", errors);
            if (numberValid && flow is not null)
            {
                builder.Numbers.Add(number, flow);
            }
        }
    }

    private static string? ReadFlowName(Node value, string context, ErrorCollector errors)
    {
        ScalarNode? flow = Expect.NonEmptyScalar(value, $"{context}flow name", FlowShape, errors);
        if (flow is null)
        {
            return null;
        }

        if (!Tokens.IsFlowName(flow.Value))
        {
            errors.Add(flow.Start, $"{context}flow name {Describe.Quote(flow.Value)} can only contain letters, digits, '_' and '-' (it names the file ivr-flows/NAME.yaml)");
            return null;
        }

        return flow.Value;
    }
}
