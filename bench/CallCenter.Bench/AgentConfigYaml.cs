using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CallCenter.Bench;

/// <summary>
/// Writes a contact-centre configuration in the layout of config/callcenter.yaml, with as many agents
/// as asked. The content is deterministic (same count, same text) and mixes the forms an operator
/// writes: quoted extensions, passwords and "ha1:" hashes, flow-style and block-style skills, comments.
/// </summary>
public static class AgentConfigYaml
{
    /// <summary>Realm the HA1 secrets are computed for (HA1 = MD5(user:realm:password), RFC 2617 §3.2.2.2).</summary>
    public const string Realm = "callcenter.example.com";

    private static readonly string[] GivenNames =
        ["Maria", "Nurul", "Emily", "Jose", "Ana", "Siti", "James", "Angelica", "Ahmad", "Grace", "Paolo", "Mei Ling"];

    private static readonly string[] FamilyNames =
        ["Reyes", "Aisyah", "Clarke", "Dela Cruz", "Santos", "Rahman", "O'Brien", "Tan", "Bautista", "Lim", "Garcia", "Abdullah"];

    private static readonly string[] Skills = ["sales", "support", "billing", "general", "lang-en", "lang-tl", "lang-ms"];

    /// <summary>The YAML text for <paramref name="agentCount"/> agents with extensions 100000 upwards, plus two numbers.</summary>
    public static string Generate(int agentCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agentCount);
        var yaml = new StringBuilder(agentCount * 160);
        yaml.Append("# Generated for the configuration-load benchmark.\n");
        yaml.Append("agents:\n");
        for (var i = 0; i < agentCount; i++)
        {
            AppendAgent(yaml, i);
        }

        yaml.Append('\n');
        yaml.Append("numbers:\n");
        yaml.Append("  \"100\": main          # main line\n");
        yaml.Append("  \"200\": survey\n");
        return yaml.ToString();
    }

    private static void AppendAgent(StringBuilder yaml, int index)
    {
        var extension = (100000 + index).ToString(CultureInfo.InvariantCulture);
        var password = $"pw-{extension}-{index * 7919 % 100003:D6}";
        var name = $"{GivenNames[index % GivenNames.Length]} {FamilyNames[index / GivenNames.Length % FamilyNames.Length]}";

        yaml.Append("  - extension: \"").Append(extension).Append("\"\n");
        yaml.Append("    name: \"").Append(name).Append("\"\n");
        if (index % 4 == 3)
        {
            yaml.Append("    secret: \"ha1:").Append(Ha1Hex(extension, password)).Append("\"\n");
        }
        else
        {
            yaml.Append("    secret: \"").Append(password).Append("\"   # rotate quarterly\n");
        }

        AppendSkills(yaml, index);
        yaml.Append('\n');
    }

    // One agent in five uses the block form, the rest the one-line flow form, as the sample file does.
    private static void AppendSkills(StringBuilder yaml, int index)
    {
        var count = 2 + index % 3;
        var blockStyle = index % 5 == 4;
        yaml.Append(blockStyle ? "    skills:\n" : "    skills: { ");
        for (var k = 0; k < count; k++)
        {
            var skill = Skills[(index + k * 3) % Skills.Length];
            var proficiency = 1 + (index + k) % 10;
            if (blockStyle)
            {
                yaml.Append("      ").Append(skill).Append(": ").Append(proficiency).Append('\n');
            }
            else
            {
                yaml.Append(k == 0 ? string.Empty : ", ").Append(skill).Append(": ").Append(proficiency);
            }
        }

        if (!blockStyle)
        {
            yaml.Append(" }\n");
        }
    }

    private static string Ha1Hex(string user, string password)
    {
        // MD5 only because that is what a stored digest HA1 is; nothing here is a security decision.
        var digest = MD5.HashData(Encoding.UTF8.GetBytes($"{user}:{Realm}:{password}"));
        return Convert.ToHexStringLower(digest);
    }
}
