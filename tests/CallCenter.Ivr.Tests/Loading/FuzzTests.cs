using CallCenter.Config.Tests.Support;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;
using CallCenter.Ivr.Prompts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCenter.Ivr.Tests.Loading;

/// <summary>
/// Whatever text an operator (or an editor accident) produces, the loader answers with problems and never throws;
/// and whenever it does return a flow, every node the flow names exists.
/// </summary>
public class FuzzTests
{
    private static readonly string MainText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SampleFlows", "main.yaml"));

    private static readonly IPromptCatalog Prompts = FlowTestSupport.CatalogWithout(["en", "ms", "tl"], "tl/main/welcome");

    /// <summary>Pieces of YAML syntax and of the flow vocabulary, so random text often gets deep into the readers.</summary>
    private static readonly string[] Fragments =
    [
        "flow: ", "start: ", "nodes:", "calendars:", "language: ", "type: ", "play", "menu", "collect", "say", "set", "branch",
        "queue", "transfer", "hangup", "prompts: ", "next: ", "keys: ", "fallback: ", "timeout: ", "retries: ", "variable: ",
        "max-digits: ", "min-digits: ", "terminator: ", "pattern: ", "items: ", "values: ", "rules: ", "if: ", "goto: ",
        "else: ", "open: ", "equals: ", "is-set: ", "skills: ", "priority: ", "no-agent: ", "uri: ", "time-zone: ", "hours: ",
        "holidays: ", "mon-fri: ", "\"08:00-18:00\"", "Asia/Manila", "5s", "500ms", "2m", "${language}", "[0-9]{6}", "(", "a",
        "welcome", "- ", ": ", ":", "\n", "\n  ", "\n    ", "\n      ", "  ", " ", "\t", "\"", "'", "\\", "[", "]", "{", "}",
        ",", "#", "&a ", "*a", "!", "!!str ", "|", ">", "? ", "---", "~", "null", "true", "7", "-1", "0x1F", "1e9",
        "99999999999999999999", "\u00e9", "\ufeff", "\u2028", "\0", "\ud800",
    ];

    [Property(MaxTest = 3000)]
    public Property Random_flow_like_text_never_throws() =>
        Prop.ForAll(FlowLikeText().ToArbitrary(), LoadsOrReportsProblems);

    [Property(MaxTest = 1000)]
    public Property Random_strings_never_throw() =>
        Prop.ForAll<string>(text => LoadsOrReportsProblems(text ?? string.Empty));

    [Property(MaxTest = 1500)]
    public Property Damaged_main_flow_never_throws() =>
        Prop.ForAll(DamagedMain().ToArbitrary(), LoadsOrReportsProblems);

    [Property(MaxTest = 1000)]
    public Property Main_flow_with_lines_moved_never_throws() =>
        Prop.ForAll(ShuffledLines().ToArbitrary(), LoadsOrReportsProblems);

    private static bool LoadsOrReportsProblems(string text)
    {
        FlowLoadResult result = FlowLoader.Load(text, "fuzz.yaml", Prompts);
        bool problemsReadable = result.Problems.All(p => p.Message.Length > 0 && p.Line >= 0 && p.Column >= 0 && (p.Line == 0) == (p.Column == 0));
        return problemsReadable && (result.Flow is null ? result.HasErrors : TargetsExist(result.Flow));
    }

    /// <summary>The validator's promise to the runtime: a flow it lets through never names a missing node.</summary>
    private static bool TargetsExist(FlowDefinition flow) =>
        flow.Find(flow.Start) is not null && flow.Nodes.SelectMany(n => n.Edges).All(e => flow.Find(e.Target) is not null);

    private static Gen<string> FlowLikeText() => TextDamage.Fragments(Fragments);

    /// <summary>main.yaml with a few characters deleted, replaced or inserted at random places.</summary>
    private static Gen<string> DamagedMain() => TextDamage.Edited(MainText, Fragments);

    /// <summary>main.yaml with whole lines deleted, repeated or swapped: the slips of cut and paste.</summary>
    private static Gen<string> ShuffledLines()
    {
        string[] lines = MainText.Split('\n');
        Gen<(int Kind, int First, int Second)> edit =
            from kind in Gen.Choose(0, 2)
            from first in Gen.Choose(0, lines.Length - 1)
            from second in Gen.Choose(0, lines.Length - 1)
            select (kind, first, second);

        return Gen.Choose(1, 4)
            .SelectMany(count => edit.ArrayOf(count))
            .Select(edits =>
            {
                var text = lines.ToList();
                foreach ((int kind, int first, int second) in edits)
                {
                    int a = Math.Min(first, text.Count - 1), b = Math.Min(second, text.Count - 1);
                    switch (kind)
                    {
                        case 0 when text.Count > 1:
                            text.RemoveAt(a);
                            break;
                        case 1:
                            text.Insert(b, text[a]);
                            break;
                        default:
                            (text[a], text[b]) = (text[b], text[a]);
                            break;
                    }
                }

                return string.Join('\n', text);
            });
    }
}
