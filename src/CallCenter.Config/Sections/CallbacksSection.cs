using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>The <c>callbacks:</c> section: the trunk callbacks are placed on and how often they are tried.</summary>
internal sealed class CallbacksSection : ConfigSection
{
    private static readonly KeySet Keys = new("key", ["trunk", "attempts", "retry-after", "from-name"]);

    public override string Key => "callbacks";

    public override void Read(Node value, ConfigBuilder builder, ErrorCollector errors)
    {
        builder.CallbacksDeclared = true;
        if (Expect.Mapping(value, "callbacks", "a mapping such as { trunk: provider, attempts: 3, retry-after: 5m }", errors) is not { } map)
        {
            return;
        }

        var fields = new Fields(map, Keys, "callbacks: ", errors);
        ScalarNode? trunk = fields.Text("trunk", "the name of a trunk from the \"trunks:\" section", required: true);
        int attempts = fields.Integer("attempts", 1, 10, CallbackSettings.DefaultAttempts);
        TimeSpan retryAfter = fields.Duration("retry-after", TimeSpan.FromMinutes(1), TimeSpan.FromHours(24), CallbackSettings.DefaultRetryAfter);
        ScalarNode? fromName = fields.Text("from-name", "the name callers see, such as \"Call Center\"", required: false);

        builder.CallbackTrunkReference = trunk;
        if (!fields.Failed && trunk is not null)
        {
            builder.Callbacks = new CallbackSettings(trunk.Value, attempts, retryAfter, fromName?.Value ?? CallbackSettings.DefaultFromName);
        }
    }

    public override void CheckReferences(ConfigBuilder builder, ErrorCollector errors)
    {
        if (builder.CallbackTrunkReference is not { } trunk || builder.DeclaredTrunks.Contains(trunk.Value))
        {
            return;
        }

        builder.Callbacks = null;
        string? likely = Suggestions.Closest(trunk.Value, builder.DeclaredTrunks);
        string hint = Suggestions.Hint(likely);
        string defined = builder.DeclaredTrunks.Count == 0
            ? "no trunks are defined; add a \"trunks:\" section"
            : $"defined trunks are: {string.Join(", ", builder.DeclaredTrunks.Order(StringComparer.Ordinal))}";
        errors.Add(trunk.Start, $"callbacks: trunk {Describe.Quote(trunk.Value)} is not defined{hint}; {defined}");
    }
}
