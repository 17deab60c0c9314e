using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>The <c>trunks:</c> mapping of trunk name to provider connection.</summary>
internal sealed class TrunksSection : ConfigSection
{
    public override string Key => "trunks";

    public override void Read(Node value, ConfigBuilder builder, ErrorCollector errors)
    {
        MappingNode? map = Expect.MappingOrEmpty(value, "trunks", "a mapping of trunk name to its settings, such as provider: { host: sip.example.net, ... }", errors);
        if (map is null)
        {
            return;
        }

        foreach (MappingEntry entry in map.Entries)
        {
            string name = entry.Key.Value;
            builder.DeclaredTrunks.Add(name);
            bool nameValid = Tokens.IsSkillName(name);
            if (!nameValid)
            {
                errors.Add(entry.Key.Start, $"trunk name {Describe.Quote(name)} must be lowercase letters, digits and '-', starting with a letter or digit (such as provider or backup-1)");
            }

            TrunkConfig? trunk = TrunkReader.Read(name, entry.Value, errors);
            if (nameValid && trunk is not null)
            {
                builder.Trunks.Add(trunk);
            }
        }
    }
}
