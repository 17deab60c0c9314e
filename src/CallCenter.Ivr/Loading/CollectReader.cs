using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>Reads a <c>type: collect</c> node.</summary>
internal static class CollectReader
{
    /// <summary>Most digits one collect node takes; enough for any account or phone number.</summary>
    public const int MaxDigits = 32;

    private const string TerminatorShape = "\"#\" or \"*\" (in quotes), or none";

    public static CollectNode? Read(NodeFields fields)
    {
        FlowValues values = fields.Values;
        PromptList? prompts = fields["prompts"] is { } value ? values.Prompts(value, fields.Subject("prompts"), allowEmpty: false) : null;
        string? variable = fields["variable"] is { } name ? values.WritableVariable(name, fields.Subject("variable")) : null;
        int minDigits = fields.IntegerOr("min-digits", 1, MaxDigits, FlowDefaults.MinDigits);
        int? maxDigits = fields["max-digits"] is { } max ? values.Integer(max, fields.Subject("max-digits"), 1, MaxDigits) : null;
        char? terminator = fields["terminator"] is { } t ? ReadTerminator(t, fields) : FlowDefaults.Terminator;
        TimeSpan firstDigit = fields.DurationOr("first-digit-timeout", FlowDefaults.FirstDigitTimeout);
        TimeSpan interDigit = fields.DurationOr("inter-digit-timeout", FlowDefaults.InterDigitTimeout);
        DigitPattern? pattern = fields["pattern"] is { } p ? values.Pattern(p, fields.Subject("pattern")) : null;
        int retries = fields.IntegerOr("retries", 0, MenuReader.MaxRetries, FlowDefaults.Retries);
        PromptList? noInput = fields.PromptsOr("no-input-prompts", FlowDefaults.NoInputPrompt, allowEmpty: true);
        PromptList? invalid = fields.PromptsOr("invalid-prompts", FlowDefaults.InvalidPrompt, allowEmpty: true);
        NodeRef? next = fields.Target("next");
        NodeRef? fallback = fields.Target("fallback");
        if (prompts is null || variable is null || maxDigits is null || noInput is null || invalid is null || next is null || fallback is null)
        {
            return null;
        }

        return new CollectNode(
            fields.Id, fields.Position, prompts, variable, minDigits, maxDigits.Value, terminator, firstDigit, interDigit,
            pattern, retries, noInput, invalid, next.Value, fallback.Value);
    }

    /// <summary>'#' or '*', or null for <c>none</c>. A bad value falls back to the default after its message.</summary>
    private static char? ReadTerminator(Node node, NodeFields fields)
    {
        string? text = fields.Values.Text(node, fields.Subject("terminator"), TerminatorShape);
        switch (text)
        {
            case null:
                return FlowDefaults.Terminator;
            case FlowDefaults.NoTerminator:
                return null;
            case "#" or "*":
                return text[0];
            default:
                fields.Values.Report(node, $"{fields.Subject("terminator")} must be {TerminatorShape} (found {Describe.Found(node)})");
                return FlowDefaults.Terminator;
        }
    }
}
