using System.Text.Json;
using System.Text.Json.Nodes;
using CallCenter.Ivr.Loading;

namespace CallCenter.Ivr.Tests.Loading;

/// <summary>
/// ivr-flows/flow.schema.json (for editors) says the same as the loader: the same keys for every part of the
/// file, and the same verdict on the sample flows and on the fixtures below.
/// </summary>
public class SchemaTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "SampleFlows");

    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "flow.schema.json")))!.AsObject();

    private static JsonObject Def(string name) => Schema["$defs"]![name]!.AsObject();

    private static string[] Keys(JsonNode? properties) => [.. properties!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];

    private static string[] Strings(JsonNode? array) => [.. (array?.AsArray() ?? []).Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal)];

    private static string[] Sorted(IEnumerable<string> values) => [.. values.Order(StringComparer.Ordinal)];

    [Fact]
    public void The_schema_is_a_draft_2020_12_schema()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema["$schema"]!.GetValue<string>());
        Assert.Equal("object", Schema["type"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.False, Schema["additionalProperties"]!.GetValueKind());
    }

    [Fact]
    public void Top_level_keys_match_the_loader()
    {
        Assert.Equal(Sorted(FlowFormat.TopLevel.Allowed), Keys(Schema["properties"]));
        Assert.Equal(Sorted(FlowFormat.TopLevelRequired), Strings(Schema["required"]));
    }

    [Fact]
    public void Node_types_match_the_loader()
    {
        Assert.Equal(FlowFormat.Kinds, Def("node")["properties"]!["type"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(
            FlowFormat.Kinds.Select(kind => (kind, "#/$defs/" + kind)),
            Def("node")["allOf"]!.AsArray().Select(rule => (rule!["if"]!["properties"]!["type"]!["const"]!.GetValue<string>(), rule["then"]!["$ref"]!.GetValue<string>())));
    }

    [Fact]
    public void Each_node_type_has_the_loaders_keys_and_required_keys()
    {
        foreach (NodeFormat format in FlowFormat.Nodes)
        {
            JsonObject kind = Def(format.Kind);
            Assert.True(Sorted(format.Keys.Allowed).SequenceEqual(Keys(kind["properties"])), $"keys of {format.Kind}");
            Assert.True(Sorted(format.Required).SequenceEqual(Strings(kind["required"])), $"required keys of {format.Kind}");
            Assert.Equal(JsonValueKind.False, kind["additionalProperties"]!.GetValueKind());
        }
    }

    [Fact]
    public void Calendars_rules_conditions_and_say_items_match_the_loader()
    {
        Assert.Equal(Sorted(FlowFormat.Calendar.Allowed), Keys(Def("calendar")["properties"]));
        Assert.Equal(Sorted(FlowFormat.CalendarRequired), Strings(Def("calendar")["required"]));
        Assert.Equal(Sorted(FlowFormat.Rule.Allowed), Keys(Def("branch")["properties"]!["rules"]!["items"]!["properties"]));
        Assert.Equal(Sorted(FlowFormat.Condition.Allowed), Keys(Def("conditions")["properties"]));
        Assert.Equal(Sorted(FlowFormat.VariableTests), Keys(Def("conditions")["dependentRequired"]));
        Assert.Equal(
            Sorted(FlowFormat.SayItem.Allowed),
            Sorted(Def("say")["properties"]!["items"]!["items"]!["oneOf"]!.AsArray().Select(o => o!["required"]![0]!.GetValue<string>())));
        string dayPattern = Def("calendar")["properties"]!["hours"]!["propertyNames"]!["pattern"]!.GetValue<string>();
        Assert.All(FlowFormat.Days, day => Assert.Contains(day, dayPattern, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("main.yaml")]
    [InlineData("survey.yaml")]
    public void The_sample_flows_validate_against_the_schema(string file)
    {
        string yaml = File.ReadAllText(Path.Combine(Folder, file));

        Assert.Empty(new SchemaSubsetValidator(Schema).Validate(YamlToJson.Convert(yaml)));
    }

    /// <summary>One flow using every key of every node kind.</summary>
    public const string EveryKey = """
        flow: test
        description: Every key
        language: en
        start: hours
        calendars:
          office:
            time-zone: Asia/Manila
            hours:
              mon-fri: "08:00-18:00"
              sat: ["09:00-12:00", "13:00-24:00"]
            holidays: ["2026-12-25"]
        nodes:
          hours:
            type: branch
            rules:
              - if: { open: office, variable: language, equals: en }
                goto: hello
              - if: { closed: office }
                goto: bye
              - if: { caller: "\\+63.*", agents-available: "lang-${language}" }
                goto: hello
              - if: { variable: account, is-set: true }
                goto: hello
              - if: { variable: account, not-equals: 5 }
                goto: hello
              - if: { variable: account, matches: "9.*" }
                goto: hello
            else: hello
          hello:
            type: play
            prompts: main/welcome
            interruptible: false
            next: menu
          menu:
            type: menu
            prompts: [menu]
            keys: { "1": account, 2: tag, "*": menu, "#": elsewhere }
            timeout: 5s
            retries: 2
            no-input-prompts: []
            invalid-prompts: [invalid-choice]
            fallback: queue
          account:
            type: collect
            prompts: [enter]
            variable: account
            min-digits: 6
            max-digits: 10
            terminator: none
            first-digit-timeout: 8
            inter-digit-timeout: 2.5
            pattern: "[0-9]{6,10}"
            retries: 1
            no-input-prompts: no-input
            invalid-prompts: [invalid]
            next: read-back
            fallback: queue
          read-back:
            type: say
            items: [{ prompt: you-entered }, { digits: account }, { number: account }, { duration: account }]
            next: tag
          tag:
            type: set
            values: { language: "${language}", priority: 7, subject: "Account ${account}", vip: true }
            next: queue
          queue:
            type: queue
            skills: [billing, "lang-${language}"]
            priority: 6
            no-agent: bye
          elsewhere:
            type: transfer
            uri: "sip:+63281234567@trunk.example.com"
          bye:
            type: hangup
            prompts: [goodbye]
        """;

    [Fact]
    public void A_flow_with_every_key_is_valid_for_both()
    {
        Assert.NotNull(FlowTestSupport.LoadValid(EveryKey).Find("elsewhere"));
        Assert.Empty(new SchemaSubsetValidator(Schema).Validate(YamlToJson.Convert(EveryKey)));
    }

    [Theory]
    [InlineData("flow: test\n", "flow: test\ncolour: red\n")]
    [InlineData("    type: hangup\n    prompts: [goodbye]", "    type: hangout")]
    [InlineData("    prompts: [goodbye]", "    prompts: [goodbye]\n    next: x")]
    [InlineData("    fallback: queue\n  account", "    fallbak: queue\n  account")]
    [InlineData("\"#\": elsewhere", "\"10\": elsewhere")]
    [InlineData("    uri: \"sip:+63281234567@trunk.example.com\"", "    uri: \"sip:+63281234567@trunk.example.com\"\n    flow: survey")]
    [InlineData("    uri: \"sip:+63281234567@trunk.example.com\"", "    uri: \"tel:+63281234567\"")]
    [InlineData("{ prompt: you-entered }", "{ prompt: you-entered, digits: account }")]
    [InlineData("    priority: 6", "    priority: 11")]
    [InlineData("timeout: 5s", "timeout: 5 seconds")]
    [InlineData("prompts: [menu]", "prompts: [menu.wav]")]
    [InlineData("{ closed: office }", "{ equals: office }")]
    [InlineData("variable: account, matches", "variable: account, equals: 1, matches")]
    [InlineData("is-set: true", "is-set: false")]
    [InlineData("vip: true", "caller: x")]
    [InlineData("variable: account\n", "variable: dialled\n")]
    [InlineData("terminator: none", "terminator: \"1\"")]
    [InlineData("max-digits: 10", "max-digits: 33")]
    [InlineData("mon-fri:", "monday-friday:")]
    [InlineData("\"13:00-24:00\"", "\"13:00-25:00\"")]
    [InlineData("[\"2026-12-25\"]", "[\"25/12/2026\"]")]
    [InlineData("skills: [billing,", "skills: [Billing,")]
    [InlineData("skills: [billing, \"lang-${language}\"]", "skills: []")]
    [InlineData("language: en\n", "language: English\n")]
    [InlineData("    time-zone: Asia/Manila\n", "")]
    public void Mistakes_are_refused_by_both(string original, string mistake)
    {
        Assert.Contains(original, EveryKey, StringComparison.Ordinal);
        string yaml = EveryKey.Replace(original, mistake, StringComparison.Ordinal);

        Assert.True(FlowTestSupport.Load(yaml).HasErrors, "the loader accepted it");
        Assert.NotEmpty(new SchemaSubsetValidator(Schema).Validate(YamlToJson.Convert(yaml)));
    }

    [Fact]
    public void The_subset_validator_refuses_keywords_it_does_not_evaluate()
    {
        var schema = JsonNode.Parse("""{ "patternProperties": { "a": true } }""")!.AsObject();

        Assert.Throws<NotSupportedException>(() => new SchemaSubsetValidator(schema).Validate(new JsonObject()));
    }
}
