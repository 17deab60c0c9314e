using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Tests.Runtime;

namespace CallCenter.Ivr.Tests.Graph;

/// <summary>A flow with every node kind, like the example in the flow format, built in code.</summary>
internal static class GraphSample
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static FlowDefinition MainFlow() => new TestFlow("main")
        .Calendar("business-hours", "Asia/Manila", "08:00", "18:00", Weekdays, "2026-12-25")
        .Play("welcome", next: "check-hours", interruptible: false, "welcome")
        .Branch(
            "check-hours",
            "after-hours",
            (When.Open("business-hours"), "choose-language"),
            (When.Caller("\\+63.*"), "choose-language"))
        .Menu("choose-language", fallback: "english", keys: "1=english 2=filipino #=choose-language", prompts: ["choose-language"])
        .Set("english", "main-menu", ("language", "en"))
        .Set("filipino", "main-menu", ("language", "tl"))
        .Menu("main-menu", fallback: "billing-queue", keys: "1=account 2=to-survey 0=operator 9=goodbye")
        .Collect("account", "account", next: "say-account", fallback: "billing-queue", maxDigits: 10, minDigits: 6, pattern: "[0-9]{6,10}")
        .Say("say-account", next: "billing-queue",
            new SayItem(SayFormat.Prompt, "you-entered", FlowPosition.File),
            new SayItem(SayFormat.Digits, "account", FlowPosition.File))
        .Queue("billing-queue", ["billing", "lang-${language}"], priority: 5, noAgent: "goodbye")
        .Queue("operator", ["general"])
        .TransferToFlow("to-survey", "survey")
        .Play("after-hours", next: "goodbye", interruptible: true, "after-hours")
        .Hangup("goodbye", "goodbye")
        .Build();
}
