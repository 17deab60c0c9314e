using System.Globalization;
using CallCenter.Ivr.Definition;
using CallCenter.Media.Audio;

namespace CallCenter.Ivr.Runtime.Nodes;

/// <summary>
/// <c>queue</c>: the flow ends by asking routing for an agent with the node's skills (templates filled in) plus
/// those in the <c>skills</c> variable, at the node's priority, else <c>${priority}</c>, else 5. If routing finds
/// nobody (<see cref="FlowTrigger.NoAgent"/>) the call continues at <c>no-agent</c>, or hears that all agents are
/// busy and goodbye and is released.
/// </summary>
internal static class QueueBehaviour
{
    private static readonly PromptList AllAgentsBusy = new([PromptKeys.AllAgentsBusy, PromptKeys.Goodbye], FlowPosition.File);

    public static void Configure(FlowMachine machine, QueueNode node)
    {
        var state = machine.Configure(node, run => run.EndQueued(Request(node, run)));
        if (node.NoAgent is { } noAgent)
        {
            machine.Go(state, node, FlowTrigger.NoAgent, noAgent.Id, NodeBehaviours.Always, "no agent");
        }
        else
        {
            machine.Stay(state, FlowTrigger.NoAgent, run => run.Release(AllAgentsBusy), "no agent: all agents busy, goodbye");
        }
    }

    private static QueueRequest Request(QueueNode node, FlowRun run)
    {
        var skills = new List<string>(node.Skills.Count + 1);
        foreach (string skill in node.Skills)
        {
            Add(skills, VariableTemplate.Expand(skill, run.Variables));
        }

        if (run.Variables.GetValueOrNull(FlowVariables.Skills) is { } extra)
        {
            foreach (string skill in extra.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                Add(skills, skill);
            }
        }

        return new QueueRequest(skills, node.Priority ?? Priority(run));
    }

    private static void Add(List<string> skills, string skill)
    {
        skill = skill.Trim();
        if (skill.Length > 0 && !skills.Contains(skill, StringComparer.Ordinal))
        {
            skills.Add(skill);
        }
    }

    private static int Priority(FlowRun run) =>
        int.TryParse(run.Variables.GetValueOrNull(FlowVariables.Priority), NumberStyles.Integer, CultureInfo.InvariantCulture, out int priority)
        && priority is >= QueueRequest.MinPriority and <= QueueRequest.MaxPriority
            ? priority
            : QueueRequest.DefaultPriority;
}
