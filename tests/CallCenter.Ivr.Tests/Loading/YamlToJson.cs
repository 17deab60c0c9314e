using System.Globalization;
using System.Text.Json.Nodes;
using CallCenter.Config;
using CallCenter.Config.Yaml;

namespace CallCenter.Ivr.Tests.Loading;

/// <summary>Turns flow YAML into the JSON an editor's schema check sees (YAML 1.2 core schema types).</summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(string yaml)
    {
        var errors = new ErrorCollector("schema-test.yaml");
        Node? root = YamlTreeReader.Read(yaml, errors);
        Assert.False(errors.HasErrors, string.Join(Environment.NewLine, errors.Sorted()));
        return ToJson(root);
    }

    private static JsonNode? ToJson(Node? node) => node switch
    {
        null or ScalarNode { Type: ScalarType.Null } => null,
        ScalarNode { Type: ScalarType.Boolean } b => JsonValue.Create(b.Value.Equals("true", StringComparison.OrdinalIgnoreCase)),
        ScalarNode { Type: ScalarType.Integer } i when CoreSchema.TryParseInteger(i.Value, out long whole) => JsonValue.Create(whole),
        ScalarNode { Type: ScalarType.Float } f when double.TryParse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) => JsonValue.Create(real),
        ScalarNode s => JsonValue.Create(s.Value),
        SequenceNode list => new JsonArray([.. list.Items.Select(ToJson)]),
        MappingNode map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        _ => throw new InvalidOperationException("unreadable node"),
    };
}
