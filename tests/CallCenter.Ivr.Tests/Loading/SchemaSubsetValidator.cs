using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CallCenter.Ivr.Tests.Loading;

/// <summary>
/// Evaluates the JSON Schema 2020-12 keywords that ivr-flows/flow.schema.json uses (no validator package is
/// available to the build). Any other keyword makes it throw, so the schema cannot start relying on a keyword
/// that these tests would silently skip.
/// </summary>
internal sealed class SchemaSubsetValidator(JsonObject root)
{
    private static readonly HashSet<string> Annotations = ["$schema", "title", "description"];

    /// <summary>The places (JSON pointers into the document) where it breaks the schema; empty when it conforms.</summary>
    public List<string> Validate(JsonNode? document)
    {
        var failures = new List<string>();
        Check(root, document, "", failures);
        return failures;
    }

    private bool Conforms(JsonNode schema, JsonNode? value)
    {
        var failures = new List<string>();
        Check(schema, value, "", failures);
        return failures.Count == 0;
    }

    private void Check(JsonNode schemaNode, JsonNode? value, string at, List<string> failures)
    {
        if (schemaNode is JsonValue boolean && boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            if (boolean.GetValueKind() == JsonValueKind.False)
            {
                failures.Add(at + ": false schema");
            }

            return;
        }

        var schema = schemaNode.AsObject();
        foreach ((string keyword, JsonNode? argument) in schema)
        {
            if (!CheckKeyword(schema, keyword, argument!, value, at, failures))
            {
                failures.Add($"{at}: fails {keyword}");
            }
        }
    }

    private bool CheckKeyword(JsonObject schema, string keyword, JsonNode argument, JsonNode? value, string at, List<string> failures) =>
        keyword switch
        {
            _ when Annotations.Contains(keyword) => true,
            "$defs" or "then" => true,
            "$ref" or "items" or "properties" or "additionalProperties" or "allOf" => Apply(schema, keyword, argument, value, at, failures),
            "propertyNames" or "dependentRequired" or "oneOf" or "not" or "if" or "required" or "minProperties" or "minItems" =>
                CheckCombination(schema, keyword, argument, value),
            _ => CheckValue(keyword, argument, value),
        };

    /// <summary>Keywords about a single value: its type, allowed values, text and number limits.</summary>
    private static bool CheckValue(string keyword, JsonNode argument, JsonNode? value)
    {
        switch (keyword)
        {
            case "type":
                return argument is JsonArray types ? types.Any(t => IsType(value, t!.GetValue<string>())) : IsType(value, argument.GetValue<string>());
            case "enum":
                return argument.AsArray().Any(option => JsonNode.DeepEquals(option, value));
            case "const":
                return JsonNode.DeepEquals(argument, value);
            case "pattern":
                return value is not JsonValue text || text.GetValueKind() != JsonValueKind.String
                    || Regex.IsMatch(text.GetValue<string>(), argument.GetValue<string>());
            case "minLength":
                return !IsString(value, out string? s1) || s1!.Length >= argument.GetValue<int>();
            case "maxLength":
                return !IsString(value, out string? s2) || s2!.Length <= argument.GetValue<int>();
            case "minimum":
                return !IsNumber(value, out double n1) || n1 >= argument.GetValue<double>();
            case "maximum":
                return !IsNumber(value, out double n2) || n2 <= argument.GetValue<double>();
            case "exclusiveMinimum":
                return !IsNumber(value, out double n3) || n3 > argument.GetValue<double>();
            default:
                throw new NotSupportedException($"the schema uses \"{keyword}\", which {nameof(SchemaSubsetValidator)} does not evaluate");
        }
    }

    /// <summary>Keywords whose sub-schemas report their own failures, with the place inside the value.</summary>
    private bool Apply(JsonObject schema, string keyword, JsonNode argument, JsonNode? value, string at, List<string> failures)
    {
        switch (keyword)
        {
            case "$ref":
                Check(Resolve(argument.GetValue<string>()), value, at, failures);
                break;
            case "items":
                if (value is JsonArray items)
                {
                    for (int i = 0; i < items.Count; i++)
                    {
                        Check(argument, items[i], $"{at}/{i}", failures);
                    }
                }

                break;
            case "properties":
                if (value is JsonObject o3)
                {
                    foreach ((string name, JsonNode? sub) in argument.AsObject())
                    {
                        if (o3.TryGetPropertyValue(name, out JsonNode? property))
                        {
                            Check(sub!, property, $"{at}/{name}", failures);
                        }
                    }
                }

                break;
            case "additionalProperties":
                if (value is JsonObject o4)
                {
                    JsonObject? declared = schema["properties"]?.AsObject();
                    foreach ((string name, JsonNode? property) in o4)
                    {
                        if (declared is null || !declared.ContainsKey(name))
                        {
                            Check(argument, property, $"{at}/{name}", failures);
                        }
                    }
                }

                break;
            default:
                foreach (JsonNode? sub in argument.AsArray())
                {
                    Check(sub!, value, at, failures);
                }

                break;
        }

        return true;
    }

    /// <summary>Keywords about an object's or array's members as a whole, or about how sub-schemas combine.</summary>
    private bool CheckCombination(JsonObject schema, string keyword, JsonNode argument, JsonNode? value)
    {
        switch (keyword)
        {
            case "minItems":
                return value is not JsonArray a1 || a1.Count >= argument.GetValue<int>();
            case "minProperties":
                return value is not JsonObject o1 || o1.Count >= argument.GetValue<int>();
            case "required":
                return value is not JsonObject o2 || argument.AsArray().All(k => o2.ContainsKey(k!.GetValue<string>()));
            case "propertyNames":
                return value is not JsonObject o5 || o5.All(p => Conforms(argument, JsonValue.Create(p.Key)));
            case "dependentRequired":
                return value is not JsonObject o6 || argument.AsObject().All(d =>
                    !o6.ContainsKey(d.Key) || d.Value!.AsArray().All(k => o6.ContainsKey(k!.GetValue<string>())));
            case "oneOf":
                return argument.AsArray().Count(sub => Conforms(sub!, value)) == 1;
            case "not":
                return !Conforms(argument, value);
            default:
                JsonNode? then = schema["then"];
                return then is null || !Conforms(argument, value) || Conforms(then, value);
        }
    }

    private JsonNode Resolve(string reference)
    {
        const string Prefix = "#/$defs/";
        Assert.StartsWith(Prefix, reference, StringComparison.Ordinal);
        return root["$defs"]![reference[Prefix.Length..]] ?? throw new InvalidOperationException("no definition " + reference);
    }

    private static bool IsType(JsonNode? value, string type) => type switch
    {
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => IsString(value, out _),
        "boolean" => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => IsNumber(value, out _),
        "integer" => IsNumber(value, out double d) && Math.Floor(d) == d,
        "null" => value is null,
        _ => throw new NotSupportedException("type " + type),
    };

    private static bool IsString(JsonNode? value, out string? text)
    {
        text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        return text is not null;
    }

    private static bool IsNumber(JsonNode? value, out double number)
    {
        number = 0;
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        number = v.TryGetValue(out long whole) ? whole : v.GetValue<double>();
        return true;
    }
}
