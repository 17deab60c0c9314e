using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>Reads the callback nodes: <c>type: callback</c> and <c>type: cancel-callback</c>.</summary>
internal static class CallbackReaders
{
    /// <summary>Longest number written in a flow: E.164 allows 15 digits; room is left for a leading + and a prefix.</summary>
    private const int MaxNumberLength = 20;

    private const string QueueShape = "a queue name from the configuration, in lowercase letters, digits and '-' (e.g. general)";

    private const string NumberShape = "a phone number or a variable holding one, e.g. \"${callback_number}\"";

    public static CallbackNode? Callback(NodeFields fields)
    {
        string? number = fields["number"] is { } value ? ReadNumber(value, fields) : CallbackNode.DefaultNumber;
        CallbackQueue? queue = fields["queue"] is { } queueValue ? ReadQueue(queueValue, fields) : null;
        NodeRef? next = fields.Target("next");
        NodeRef? refused = fields.Target("refused");
        return number is null || next is null || refused is null || (fields.Has("queue") && queue is null)
            ? null
            : new CallbackNode(fields.Id, fields.Position, number, next.Value, refused.Value, queue);
    }

    public static CancelCallbackNode? CancelCallback(NodeFields fields) =>
        fields.Target("next") is { } next ? new CancelCallbackNode(fields.Id, fields.Position, next) : null;

    /// <summary>
    /// A queue name is written as in the configuration; whether the configuration has that queue is checked when the
    /// server starts (the flows folder alone does not know the queues).
    /// </summary>
    private static CallbackQueue? ReadQueue(Node node, NodeFields fields)
    {
        string subject = fields.Subject("queue");
        string? name = fields.Values.Text(node, subject, QueueShape);
        if (name is null)
        {
            return null;
        }

        if (!Tokens.IsSkillName(name))
        {
            fields.Values.Report(node, $"{subject} must be {QueueShape} (found {Describe.Found(node)})");
            return null;
        }

        return new CallbackQueue(name, FlowValues.At(node));
    }

    /// <summary>
    /// A number written in the file is checked for its form now (digits, an optional leading +); one that comes from a
    /// variable is checked by the call when the node runs, and refused then if the trunk cannot call it.
    /// </summary>
    private static string? ReadNumber(Node node, NodeFields fields)
    {
        string subject = fields.Subject("number");
        string? number = fields.Values.Template(node, subject, NumberShape);
        if (number is null || TemplateText.HasVariables(number))
        {
            return number;
        }

        string digits = number.StartsWith('+') ? number[1..] : number;
        if (digits.Length == 0 || number.Length > MaxNumberLength || !digits.All(char.IsAsciiDigit))
        {
            fields.Values.Report(node, $"{subject} must be {NumberShape}: digits with an optional leading + (found {Describe.Found(node)})");
            return null;
        }

        return number;
    }
}
