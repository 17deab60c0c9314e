using CallCenter.Config;
using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Prompts;

namespace CallCenter.Ivr.Loading;

/// <summary>
/// Reads single values of a flow file. Each method reports what is wrong and returns null; a value whose
/// problem was already reported (<see cref="UnreadableNode"/>) returns null without a second message.
/// <c>subject</c> names the value in messages, e.g. <c>node "billing": "max-digits"</c>.
/// </summary>
internal sealed class FlowValues(ErrorCollector errors)
{
    private const string IdentifierRule = "letters, digits, '-' and '_'";

    public ErrorCollector Errors { get; } = errors;

    public static FlowPosition At(Node node) => new(node.Start.Line, node.Start.Column);

    public void Report(Node at, string message) => Errors.Add(at.Start, message);

    /// <summary>Any single non-empty value, as written.</summary>
    public string? Text(Node node, string subject, string shape) => Expect.NonEmptyScalar(node, subject, shape, Errors)?.Value;

    /// <summary>A name made of letters, digits, '-' and '_' (node ids, flow names, variables, calendars).</summary>
    public string? Identifier(Node node, string subject, string what)
    {
        string? text = Text(node, subject, what);
        if (text is null)
        {
            return null;
        }

        if (!Tokens.IsFlowName(text))
        {
            Report(node, $"{subject} must be {what}, made of {IdentifierRule} (found {Describe.Found(node)})");
            return null;
        }

        return text;
    }

    /// <summary>The id of the node a key leads to; whether that node exists is the validator's question.</summary>
    public NodeRef? Target(Node node, string subject) =>
        Identifier(node, subject, "the id of a node") is { } id ? new NodeRef(id, At(node)) : null;

    /// <summary>A variable a node stores into: a name, and not one of the read-only ones.</summary>
    public string? WritableVariable(Node node, string subject)
    {
        string? name = Identifier(node, subject, "a variable name");
        if (name is not null && FlowVariables.ReadOnly.Contains(name))
        {
            Report(node, $"{subject} cannot be {Describe.Quote(name)}: that variable is filled in by the call itself and cannot be changed");
            return null;
        }

        return name;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int? Integer(Node node, string subject, int min, int max)
    {
        string shape = $"a whole number from {min} to {max}";
        switch (node)
        {
            case ScalarNode { Type: ScalarType.Integer } scalar
                when CoreSchema.TryParseInteger(scalar.Value, out long value) && value >= min && value <= max:
                return (int)value;
            case ScalarNode { Type: ScalarType.Text } scalar when long.TryParse(scalar.Value, out _):
                Report(node, $"{subject} must be {shape} (found {Describe.Found(node)} in quotes; write numbers without quotes)");
                return null;
            case UnreadableNode:
                return null;
            default:
                Report(node, $"{subject} must be {shape} (found {Describe.Found(node)})");
                return null;
        }
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public bool? Boolean(Node node, string subject)
    {
        switch (node)
        {
            case ScalarNode { Type: ScalarType.Boolean } scalar:
                return scalar.Value.Equals("true", StringComparison.OrdinalIgnoreCase);
            case UnreadableNode:
                return null;
            default:
                Report(node, $"{subject} must be true or false (found {Describe.Found(node)})");
                return null;
        }
    }

    /// <summary>A timeout: <c>500ms</c>, <c>5s</c>, <c>2m</c> or a number of seconds.</summary>
    public TimeSpan? Duration(Node node, string subject)
    {
        ScalarNode? scalar = Expect.NonEmptyScalar(node, subject, TimeoutText.Forms, Errors);
        if (scalar is null)
        {
            return null;
        }

        if (!TimeoutText.TryParse(scalar, out TimeSpan duration, out string reason))
        {
            Report(node, $"{subject} {reason}");
            return null;
        }

        return duration;
    }

    /// <summary>A whole-match regular expression, compiled the way the runtime uses it.</summary>
    public DigitPattern? Pattern(Node node, string subject)
    {
        string? text = Text(node, subject, "a pattern such as \"[0-9]{6,10}\"");
        if (text is null)
        {
            return null;
        }

        if (!DigitPattern.TryCreate(text, out DigitPattern? pattern, out string? error))
        {
            Report(node, $"{subject} is not a valid pattern: {Describe.Quote(PatternError.Plain(error), withQuotes: false)}");
            return null;
        }

        return pattern;
    }

    /// <summary>Text that may use <c>${name}</c>; any single value is accepted as written.</summary>
    public string? Template(Node node, string subject, string shape)
    {
        switch (node)
        {
            case ScalarNode { Type: ScalarType.Null }:
                Report(node, $"{subject} is empty; it must be {shape} (write \"\" for empty text)");
                return null;
            case ScalarNode scalar when !TemplateText.IsWellFormed(scalar.Value, out string reason):
                Report(node, $"{subject} {reason}");
                return null;
            case ScalarNode scalar:
                return scalar.Value;
            case UnreadableNode:
                return null;
            default:
                Report(node, $"{subject} must be {shape} (found {Describe.Found(node)})");
                return null;
        }
    }

    /// <summary>A skill an agent must have; may use <c>${name}</c> (e.g. <c>lang-${language}</c>).</summary>
    public string? Skill(Node node, string subject)
    {
        string? skill = Template(node, subject, "a skill name");
        if (skill is null)
        {
            return null;
        }

        // Skills are lowercase in the configuration; whatever a variable fills in is checked during the call.
        if (!Tokens.IsSkillName(TemplateText.WithVariablesAs(skill, "x")))
        {
            Report(node, $"{subject} has skill {Describe.Quote(skill)}, but skills are written in lowercase letters, digits and '-' as in the configuration (e.g. billing, lang-en)");
            return null;
        }

        return skill;
    }

    /// <summary>One prompt name, or a list of them. <paramref name="allowEmpty"/> accepts <c>[]</c> (play nothing).</summary>
    public PromptList? Prompts(Node node, string subject, bool allowEmpty)
    {
        IReadOnlyList<Node> items;
        switch (node)
        {
            case ScalarNode { Type: ScalarType.Null }:
                items = [];
                break;
            case ScalarNode scalar:
                items = [scalar];
                break;
            case SequenceNode list:
                items = list.Items;
                break;
            case UnreadableNode:
                return null;
            default:
                Report(node, $"{subject} must be a prompt name or a list of prompt names (found {Describe.Found(node)})");
                return null;
        }

        if (items.Count == 0 && !allowEmpty)
        {
            Report(node, $"{subject} is empty; it must name at least one prompt, e.g. [welcome]");
            return null;
        }

        var names = new List<string>(items.Count);
        foreach (Node item in items)
        {
            if (PromptNameAt(item, subject) is { } name)
            {
                names.Add(name);
            }
        }

        return names.Count == items.Count ? new PromptList(names, At(node)) : null;
    }

    /// <summary>One prompt name such as <c>welcome</c> or <c>main/choose-language</c>.</summary>
    public string? PromptNameAt(Node node, string subject)
    {
        string? name = Text(node, subject, "a prompt name");
        if (name is null)
        {
            return null;
        }

        if (!PromptName.IsValid(name))
        {
            string hint = name.EndsWith(".wav", StringComparison.OrdinalIgnoreCase)
                ? "; leave out \".wav\""
                : "; a prompt name is a path under the language folder such as welcome or main/welcome, made of letters, digits, '-', '_' and '/'";
            Report(node, $"{subject}: {Describe.Quote(name)} is not a prompt name{hint}");
            return null;
        }

        return name;
    }
}
