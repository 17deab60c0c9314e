using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;
using CallCenter.Ivr.Prompts;
using CallCenter.Ivr.Validation;
using static CallCenter.Ivr.Tests.Loading.FlowTestSupport;

namespace CallCenter.Ivr.Tests.Validation;

/// <summary>Prompts must be recorded in English; other languages may fall back to it, with a warning.</summary>
public class PromptCheckTests
{
    private static readonly string[] Languages = ["en", "ms", "tl"];

    private const string PlayThenBye = """
        flow: test
        start: hello
        nodes:
          hello:
            type: play
            prompts: [welcome, main/menu]
            next: bye
          bye:
            type: hangup
        """;

    [Fact]
    public void All_prompts_recorded_in_every_language_is_clean()
    {
        FlowLoadResult result = FlowLoader.Load(PlayThenBye, Source, CatalogWithout(Languages));

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Flow);
    }

    [Fact]
    public void A_prompt_missing_in_english_is_an_error()
    {
        FlowProblem problem = SingleProblem(PlayThenBye, CatalogWithout(Languages, "en/main/menu"));

        AssertError(problem, 6, 14, "node \"hello\": prompt \"main/menu\" is not recorded in English (en); every prompt needs an English recording");
    }

    [Fact]
    public void A_prompt_missing_only_in_other_languages_is_a_warning_that_it_falls_back_to_english()
    {
        FlowLoadResult result = FlowLoader.Load(PlayThenBye, Source, CatalogWithout(Languages, "tl/welcome", "ms/welcome", "tl/goodbye"));

        Assert.NotNull(result.Flow);
        Assert.Equal(
            [
                "test.yaml:6:14: warning: node \"hello\": prompt \"welcome\" is not recorded in ms, tl, so it falls back to English for callers using those languages",
                "test.yaml:8:3: warning: node \"bye\": prompt \"goodbye\" is not recorded in tl, so it falls back to English for callers using that language",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Default_prompts_are_checked_and_point_at_the_node()
    {
        FlowLoadResult result = FlowLoader.Load(
            WithNodes("m", """
              m:
                type: menu
                prompts: [menu]
                keys: { "1": bye }
                fallback: bye
              bye:
                type: hangup
            """),
            Source,
            CatalogWithout(Languages, "en/no-input", "en/invalid-choice", "en/goodbye"));

        Assert.Equal(
            [
                "test.yaml:4:3: error: node \"m\": no-input prompt \"no-input\" is not recorded in English (en); every prompt needs an English recording, which the other languages fall back to",
                "test.yaml:4:3: error: node \"m\": invalid-input prompt \"invalid-choice\" is not recorded in English (en); every prompt needs an English recording, which the other languages fall back to",
                "test.yaml:9:3: error: node \"bye\": prompt \"goodbye\" is not recorded in English (en); every prompt needs an English recording, which the other languages fall back to",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Say_checks_its_prompts_but_not_the_spoken_values()
    {
        FlowLoadResult result = FlowLoader.Load(
            WithNodes("s", """
              s:
                type: say
                items: [{ prompt: you-entered }, { digits: account }, { number: count }]
                next: bye
              bye:
                type: hangup
            """),
            Source,
            new PromptKeyCatalog(["en/goodbye"]));

        AssertError(Assert.Single(result.Problems), 6, 15, "node \"s\": prompt \"you-entered\" is not recorded in English");
    }

    [Fact]
    public void The_flow_language_must_have_recordings()
    {
        FlowLoadResult result = FlowLoader.Load(
            "flow: test\nlanguage: fr\nstart: bye\nnodes:\n  bye:\n    type: hangup\n",
            Source,
            CatalogWithout(Languages));

        AssertError(Assert.Single(result.Problems), 2, 11, "\"language\" is \"fr\" but prompts are recorded only in en, ms, tl");
    }

    [Fact]
    public void A_language_set_by_a_node_must_have_recordings_unless_it_comes_from_a_variable()
    {
        FlowLoadResult result = FlowLoader.Load(
            WithNodes("s", """
              s:
                type: set
                values: { language: fr }
                next: t
              t:
                type: set
                values: { language: "${chosen}" }
                next: bye
              bye:
                type: hangup
            """),
            Source,
            CatalogWithout(Languages));

        AssertError(Assert.Single(result.Problems), 6, 15, "node \"s\": \"language\" is set to \"fr\" but prompts are recorded only in en, ms, tl");
    }

    [Fact]
    public void Without_any_recordings_the_language_problem_says_so()
    {
        FlowLoadResult result = FlowLoader.Load("flow: test\nstart: bye\nnodes:\n  bye:\n    type: hangup\n    prompts: []\n", Source, new PromptKeyCatalog([]));

        Assert.Equal("test.yaml: error: \"language\" is \"en\" but there are no prompt recordings in any language", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void The_validator_checks_prompts_of_a_flow_built_in_code()
    {
        var flow = new FlowDefinition(
            "t", "t.yaml", "", "en", "bye",
            [new HangupNode("bye", new FlowPosition(2, 3), new PromptList(["ciao"], new FlowPosition(3, 14)))],
            new Dictionary<string, BusinessCalendar>());

        FlowProblem problem = Assert.Single(FlowValidator.Validate(flow, new PromptKeyCatalog(["en/goodbye"])));

        Assert.Equal("t.yaml:3:14: error: node \"bye\": prompt \"ciao\" is not recorded in English (en); every prompt needs an English recording, which the other languages fall back to", problem.ToString());
    }
}
