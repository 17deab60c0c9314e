using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Ivr.Tests.Runtime;

/// <summary>A run that carries on a call past another flow (<see cref="FlowRuntime.CreateRun(FlowDefinition, IFlowHost, IReadOnlyDictionary{string, string})"/>).</summary>
public class InheritedVariablesTests
{
    private static readonly FlowPosition At = FlowPosition.File;

    /// <summary>The main flow: the caller chooses Malay and a subject, then queues.</summary>
    private static FlowDefinition MainFlow() => new TestFlow("main")
        .Set("choose", next: "queue", ("language", "ms"), ("subject", "Billing enquiry"))
        .Queue("queue", ["billing"])
        .Build();

    /// <summary>An English-default follow-on flow that offers, reads the caller's number back and says goodbye.</summary>
    private static FlowDefinition OfferFlow() => new TestFlow("callback-offer")
        .Play("offer", next: "read-back", interruptible: false, "callback/offer")
        .Say("read-back", next: "bye", new SayItem(SayFormat.Prompt, "callback/we-will-call", At), new SayItem(SayFormat.Digits, "caller", At))
        .Hangup("bye", "callback/booked")
        .Build();

    [Fact]
    public void A_run_carried_on_from_another_speaks_the_callers_language_with_english_for_what_is_not_recorded()
    {
        var (main, host, runtime) = QueuedInMalay(promptExists: (language, name) => language == "ms" && !name.StartsWith("callback/", StringComparison.Ordinal));

        var offer = runtime.CreateRun(OfferFlow(), host, main.Variables);
        host.Run = offer;
        offer.Start();
        host.FinishPrompt();

        Assert.Equal(["en/callback/offer"], host.Plays[^2].Keys);
        Assert.Equal(
            ["en/callback/we-will-call", "ms/digits/6", "ms/digits/3", "ms/digits/9", "ms/digits/1", "ms/digits/7"],
            host.LastPlay.Keys.Take(6));
    }

    [Fact]
    public void A_run_carried_on_from_another_plays_the_callers_language_where_it_is_recorded()
    {
        var (main, host, runtime) = QueuedInMalay(promptExists: (language, _) => language == "ms");

        var offer = runtime.CreateRun(OfferFlow(), host, main.Variables);
        host.Run = offer;
        offer.Start();

        Assert.Equal(["ms/callback/offer"], host.LastPlay.Keys);
    }

    [Fact]
    public void The_new_run_sees_every_variable_of_the_old_one_and_changes_only_its_own_copy()
    {
        var (main, host, runtime) = QueuedInMalay(promptExists: (_, _) => false);
        var followOn = new TestFlow("follow-on")
            .Set("set", next: "bye", ("subject", "Callback requested"), ("language", "en"))
            .Hangup("bye", "goodbye")
            .Build();

        var run = runtime.CreateRun(followOn, host, main.Variables);
        Assert.Equal(main.Variables.OrderBy(v => v.Key), run.Variables.OrderBy(v => v.Key));
        host.Run = run;
        run.Start();

        Assert.Equal(("Callback requested", "en", "+639171234567", "100"), (run.Variables["subject"], run.Variables["language"], run.Variables["caller"], run.Variables["dialled"]));
        Assert.Equal(("Billing enquiry", "ms"), (main.Variables["subject"], main.Variables["language"]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_language_the_new_run_takes_its_flows_default(string? language)
    {
        var runtime = new FlowRuntime(_ => null, (_, _) => true);
        var host = new FakeFlowHost(new FakeTimeProvider());
        var variables = new Dictionary<string, string> { ["caller"] = "+639171234567", ["dialled"] = "100" };
        if (language is not null)
        {
            variables["language"] = language;
        }

        var run = runtime.CreateRun(new TestFlow("tl-flow").Language("tl").Hangup("bye", "goodbye").Build(), host, variables);
        host.Run = run;
        run.Start();

        Assert.Equal("tl", run.Variables["language"]);
        Assert.Equal(["tl/goodbye"], host.LastPlay.Keys);
    }

    [Theory]
    [InlineData("caller")]
    [InlineData("dialled")]
    public void Variables_without_the_callers_numbers_are_refused(string missing)
    {
        var runtime = new FlowRuntime(_ => null, (_, _) => true);
        var variables = new Dictionary<string, string> { ["caller"] = "+639171234567", ["dialled"] = "100" };
        variables.Remove(missing);

        var error = Assert.Throws<ArgumentException>(() => runtime.CreateRun(OfferFlow(), new FakeFlowHost(new FakeTimeProvider()), variables));

        Assert.StartsWith("the variables of a call hold 'caller' and 'dialled'", error.Message, StringComparison.Ordinal);
    }

    private static (FlowRun Main, FakeFlowHost Host, FlowRuntime Runtime) QueuedInMalay(Func<string, string, bool> promptExists)
    {
        var h = new FlowHarness(MainFlow(), promptExists: promptExists).Started();
        Assert.Equal(FlowOutcome.Queued, h.Run.Outcome);
        return (h.Run, h.Host, h.Runtime);
    }
}
