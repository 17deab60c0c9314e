using CallCenter.Config.Tests.Support;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCenter.Ivr.Tests.Loading;

/// <summary>
/// The callback node kinds under damage: callback-offer.yaml (and random text in the callback vocabulary) edited at
/// random never makes the loader throw, and a flow it accepts never names a missing node.
/// </summary>
public class CallbackFuzzTests
{
    private static readonly string OfferText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SampleFlows", "callback-offer.yaml"));

    private static readonly string[] Fragments =
    [
        "flow: ", "start: ", "nodes:", "type: ", "callback", "cancel-callback", "number: ", "next: ", "refused: ", "rules: ",
        "if: ", "goto: ", "else: ", "callback-pending: ", "true", "false", "maybe", "\"${callback_number}\"", "\"${caller\"",
        "\"+639171234567\"", "0917", "+", "${}", "menu", "collect", "hangup", "- ", ": ", "\n", "\n  ", "\n    ", "\n      ",
        " ", "\"", "[", "]", "{", "}", "#", "&a ", "*a", "null", "~", "\u00e9", "\0",
    ];

    [Property(MaxTest = 1500)]
    public Property Damaged_callback_offer_flow_never_throws() =>
        Prop.ForAll(TextDamage.Edited(OfferText, Fragments).ToArbitrary(), LoadsOrReportsProblems);

    [Property(MaxTest = 1500)]
    public Property Random_callback_flow_like_text_never_throws() =>
        Prop.ForAll(TextDamage.Fragments(Fragments).Select(text => "flow: fuzz\nstart: n\nnodes:\n  n:\n    " + text).ToArbitrary(), LoadsOrReportsProblems);

    private static bool LoadsOrReportsProblems(string text)
    {
        FlowLoadResult result = FlowLoader.Load(text, "fuzz.yaml");
        return result.Problems.All(p => p.Message.Length > 0) && (result.Flow is null ? result.HasErrors : TargetsExist(result.Flow));
    }

    private static bool TargetsExist(FlowDefinition flow) =>
        flow.Find(flow.Start) is not null && flow.Nodes.SelectMany(n => n.Edges).All(e => flow.Find(e.Target) is not null);
}
