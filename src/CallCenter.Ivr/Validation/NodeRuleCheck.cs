using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;

namespace CallCenter.Ivr.Validation;

/// <summary>Rules about single nodes that their readers cannot see alone: keys used twice, digit limits, calendar names.</summary>
internal static class NodeRuleCheck
{
    public static void Run(FlowDraft draft, ProblemList problems)
    {
        foreach (FlowNode node in draft.Flow.Nodes)
        {
            switch (node)
            {
                case MenuNode menu:
                    CheckKeys(menu, problems);
                    break;
                case CollectNode collect when collect.MinDigits > collect.MaxDigits:
                    problems.Error(
                        collect.Position,
                        $"node {Describe.Quote(collect.Id)}: \"min-digits\" ({collect.MinDigits}) is more than \"max-digits\" ({collect.MaxDigits}), so no input could ever be accepted");
                    break;
                case BranchNode branch:
                    CheckCalendars(branch, draft, problems);
                    break;
            }
        }
    }

    private static void CheckKeys(MenuNode menu, ProblemList problems)
    {
        var seen = new HashSet<char>();
        foreach (MenuChoice choice in menu.Choices)
        {
            if (!seen.Add(choice.Key))
            {
                problems.Error(choice.Target.Position, $"node {Describe.Quote(menu.Id)}: key \"{choice.Key}\" is listed more than once; each key can lead to one node only");
            }
        }
    }

    private static void CheckCalendars(BranchNode branch, FlowDraft draft, ProblemList problems)
    {
        foreach (CalendarCondition condition in branch.Rules.SelectMany(r => r.Conditions).OfType<CalendarCondition>())
        {
            if (draft.DeclaredCalendars.Contains(condition.Calendar))
            {
                continue;
            }

            string known = draft.DeclaredCalendars.Count == 0
                ? "this flow has no \"calendars\" section"
                : "the calendars are: " + string.Join(", ", draft.DeclaredCalendars.Order(StringComparer.Ordinal));
            problems.Error(
                condition.Position,
                $"node {Describe.Quote(branch.Id)}: \"{(condition.Open ? "open" : "closed")}\" names calendar {Describe.Quote(condition.Calendar)} but there is no such calendar{NameHint.For(condition.Calendar, draft.DeclaredCalendars)}; {known}");
        }
    }
}
