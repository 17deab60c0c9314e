using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>Reads a trunk's optional <c>register:</c> credentials.</summary>
internal static class TrunkRegistrationReader
{
    private static readonly KeySet Keys = new("key", ["username", "secret", "realm", "expires"]);

    public static TrunkRegistration? Read(Fields trunk)
    {
        if (trunk.Get("register") is not { } value)
        {
            return null;
        }

        if (value is not MappingNode map)
        {
            trunk.Report(value, $"register must be a mapping such as {{ username: acme, secret: \"...\" }} (found {Describe.Found(value)})");
            return null;
        }

        string context = $"{trunk.Context}register ";
        var fields = new Fields(map, Keys, context, trunk.Errors);
        ScalarNode? username = fields.Text("username", "the user name the provider issued", required: true);
        AgentSecret? secret = fields.Required("secret") is { } secretNode
            ? SecretReader.Read(secretNode, context, trunk.Errors)
            : null;
        ScalarNode? realm = fields.Text("realm", "the provider's digest realm, such as sip.example.net", required: false);
        TimeSpan expires = fields.Duration("expires", TimeSpan.FromMinutes(1), TimeSpan.FromHours(24), TrunkRegistration.DefaultExpires);

        if (fields.Failed || username is null || secret is null)
        {
            trunk.MarkFailed();
            return null;
        }

        return new TrunkRegistration(username.Value, secret, realm?.Value, expires);
    }
}
