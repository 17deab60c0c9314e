using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;
using CallCenter.Ivr.Prompts;

namespace CallCenter.Ivr.Validation;

/// <summary>
/// Checks that each prompt a flow plays is recorded: in English always (an error otherwise, the caller would hear
/// nothing), and in the other languages too (a warning otherwise: those callers hear the English recording).
/// Also checks that the languages a flow switches to have recordings at all. Spoken values (digits, numbers) are
/// the runtime's own prompts and are not checked here.
/// </summary>
internal static class PromptCheck
{
    private readonly record struct PromptUse(string What, string Name, FlowPosition Position);

    public static void Run(FlowDefinition flow, IPromptCatalog prompts, ProblemList problems)
    {
        CheckLanguages(flow, prompts, problems);
        string[] others = [.. prompts.Languages.Where(l => l != FlowDefaults.FallbackLanguage)];
        foreach (FlowNode node in flow.Nodes)
        {
            foreach (PromptUse use in UsesOf(node))
            {
                string subject = $"node {Describe.Quote(node.Id)}: {use.What} {Describe.Quote(use.Name)}";
                if (!prompts.Exists(FlowDefaults.FallbackLanguage, use.Name))
                {
                    problems.Error(use.Position, $"{subject} is not recorded in English (en); every prompt needs an English recording, which the other languages fall back to");
                    continue;
                }

                string[] missing = [.. others.Where(language => !prompts.Exists(language, use.Name))];
                if (missing.Length > 0)
                {
                    string languages = string.Join(", ", missing);
                    problems.Warning(use.Position, $"{subject} is not recorded in {languages}, so it falls back to English for callers using {(missing.Length == 1 ? "that language" : "those languages")}");
                }
            }
        }
    }

    private static void CheckLanguages(FlowDefinition flow, IPromptCatalog prompts, ProblemList problems)
    {
        string available = prompts.Languages.Count == 0
            ? "there are no prompt recordings in any language"
            : "prompts are recorded only in " + string.Join(", ", prompts.Languages);
        if (!prompts.Languages.Contains(flow.DefaultLanguage))
        {
            problems.Error(flow.LanguagePosition, $"\"language\" is {Describe.Quote(flow.DefaultLanguage)} but {available}");
        }

        foreach (SetNode set in flow.Nodes.OfType<SetNode>())
        {
            foreach (VariableAssignment assignment in set.Assignments)
            {
                bool fixedLanguage = assignment.Name == FlowVariables.Language && !TemplateText.HasVariables(assignment.Value);
                if (fixedLanguage && !prompts.Languages.Contains(assignment.Value))
                {
                    problems.Error(assignment.Position, $"node {Describe.Quote(set.Id)}: \"language\" is set to {Describe.Quote(assignment.Value)} but {available}");
                }
            }
        }
    }

    private static IEnumerable<PromptUse> UsesOf(FlowNode node) => node switch
    {
        PlayNode play => List("prompt", play.Prompts),
        MenuNode menu => [.. List("prompt", menu.Prompts), .. List("no-input prompt", menu.NoInputPrompts), .. List("invalid-input prompt", menu.InvalidPrompts)],
        CollectNode collect => [.. List("prompt", collect.Prompts), .. List("no-input prompt", collect.NoInputPrompts), .. List("invalid-input prompt", collect.InvalidPrompts)],
        SayNode say => say.Items.Where(i => i.Format == SayFormat.Prompt).Select(i => new PromptUse("prompt", i.Value, i.Position)),
        HangupNode hangup => List("prompt", hangup.Prompts),
        _ => [],
    };

    private static IEnumerable<PromptUse> List(string what, PromptList prompts) =>
        prompts.Names.Select(name => new PromptUse(what, name, prompts.Position));
}
