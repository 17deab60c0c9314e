using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>Reads the nodes that only play prompts: <c>play</c> and <c>hangup</c>.</summary>
internal static class PromptNodeReaders
{
    public static PlayNode? Play(NodeFields fields)
    {
        PromptList? prompts = fields["prompts"] is { } value ? fields.Values.Prompts(value, fields.Subject("prompts"), allowEmpty: false) : null;
        bool interruptible = fields["interruptible"] is { } flag
            ? fields.Values.Boolean(flag, fields.Subject("interruptible")) ?? FlowDefaults.Interruptible
            : FlowDefaults.Interruptible;
        NodeRef? next = fields.Target("next");
        return prompts is null || next is null ? null : new PlayNode(fields.Id, fields.Position, prompts, interruptible, next.Value);
    }

    public static HangupNode? Hangup(NodeFields fields)
    {
        PromptList? prompts = fields.PromptsOr("prompts", FlowDefaults.GoodbyePrompt, allowEmpty: true);
        return prompts is null ? null : new HangupNode(fields.Id, fields.Position, prompts);
    }
}
