using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class QueueTests
{
    [Fact]
    public void A_queue_with_only_skills_gets_the_documented_defaults()
    {
        QueueConfig queue = Assert.Single(Load.Valid(QueueYaml.Sales()).Queues);

        Assert.Equal("sales", queue.Name);
        Assert.Equal(new Dictionary<string, int> { ["sales"] = 5 }, queue.Skills);
        Assert.Equal(5, queue.Priority);
        Assert.Equal(new QueueServiceLevel(80, TimeSpan.FromSeconds(20)), queue.ServiceLevel);
        Assert.Null(queue.MaxWait);
        Assert.Equal(new QueueFallbackRule(QueueFallbackKind.Message), queue.WhenMaxWait);
        Assert.Equal(new QueueFallbackRule(QueueFallbackKind.Message), queue.WhenNobodyLoggedIn);
        Assert.Equal(QueueStrategy.BestSkill, queue.Strategy);
        Assert.Equal(
            (TimeSpan.FromSeconds(15), 2, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), (TimeSpan?)TimeSpan.FromSeconds(45), (TimeSpan?)null),
            (queue.RingTimeout, queue.MaxMissedCalls, queue.RejectDelay, queue.WrapUp, queue.AnnounceEvery, queue.CallbackOfferAfter));
        Assert.Empty(queue.Expand);
    }

    [Fact]
    public void Every_setting_is_read()
    {
        string yaml = QueueYaml.Sales(
            "    priority: 8",
            "    service-level: { answered: 90%, within: 1m30s }",
            "    max-wait: 10m",
            "    when-max-wait: callback",
            "    when-nobody-logged-in: overflow:general",
            "    strategy: round-robin",
            "    ring-timeout: 20s",
            "    max-missed-calls: 3",
            "    reject-delay: 0s",
            "    wrap-up: 1m",
            "    announce-every: off",
            "    callback-offer-after: 2m",
            "    expand:",
            "      - { after: 30s, min-proficiency: 3 }",
            "      - { after: 90s, add-skills: [general, lang-en] }",
            "  general:",
            "    skills: { general: 1 }",
            "callbacks: { trunk: provider }",
            "trunks:",
            "  provider: { host: sip.example.net, caller-id: \"+6328881234\", default-region: PH }");

        QueueConfig queue = Load.Valid(yaml).QueuesByName["sales"];

        Assert.Equal(8, queue.Priority);
        Assert.Equal(new QueueServiceLevel(90, TimeSpan.FromSeconds(90)), queue.ServiceLevel);
        Assert.Equal(TimeSpan.FromMinutes(10), queue.MaxWait);
        Assert.Equal(new QueueFallbackRule(QueueFallbackKind.Callback), queue.WhenMaxWait);
        Assert.Equal(new QueueFallbackRule(QueueFallbackKind.Overflow, "general"), queue.WhenNobodyLoggedIn);
        Assert.Equal("overflow:general", queue.WhenNobodyLoggedIn.ToString());
        Assert.Equal(QueueStrategy.RoundRobin, queue.Strategy);
        Assert.Equal(
            (TimeSpan.FromSeconds(20), 3, TimeSpan.Zero, TimeSpan.FromMinutes(1), (TimeSpan?)null, (TimeSpan?)TimeSpan.FromMinutes(2)),
            (queue.RingTimeout, queue.MaxMissedCalls, queue.RejectDelay, queue.WrapUp, queue.AnnounceEvery, queue.CallbackOfferAfter));
        Assert.Equal(2, queue.Expand.Count);
        Assert.Equal((TimeSpan.FromSeconds(30), (int?)3), (queue.Expand[0].After, queue.Expand[0].MinProficiency));
        Assert.Empty(queue.Expand[0].AddSkills);
        Assert.Equal((TimeSpan.FromSeconds(90), (int?)null), (queue.Expand[1].After, queue.Expand[1].MinProficiency));
        Assert.Equal(["general", "lang-en"], queue.Expand[1].AddSkills);
    }

    [Theory]
    [InlineData("best-skill", QueueStrategy.BestSkill)]
    [InlineData("longest-idle", QueueStrategy.LongestIdle)]
    [InlineData("round-robin", QueueStrategy.RoundRobin)]
    [InlineData("fewest-calls", QueueStrategy.FewestCalls)]
    public void Each_strategy_is_accepted(string written, QueueStrategy strategy)
    {
        Assert.Equal(strategy, Load.Valid(QueueYaml.Sales($"    strategy: {written}")).Queues[0].Strategy);
    }

    [Fact]
    public void Wait_is_accepted_when_nobody_is_logged_in()
    {
        Assert.Equal(QueueFallbackKind.Wait, Load.Valid(QueueYaml.Sales("    when-nobody-logged-in: wait")).Queues[0].WhenNobodyLoggedIn.Kind);
    }

    [Fact]
    public void Missing_skills_are_reported()
    {
        Load.FailsWith(
            Load.Lines("queues:", "  sales:", "    priority: 5"),
            line: 3, column: 5,
            "queue \"sales\": missing required key \"skills\"");
    }

    [Fact]
    public void Empty_skills_are_refused()
    {
        Load.FailsWith(
            Load.Lines("queues:", "  sales:", "    skills: {}"),
            line: 3, column: 13,
            "queue \"sales\": skills is empty; a queue needs at least one skill with the minimum proficiency agents must have, such as { sales: 5 }");
    }

    [Fact]
    public void Minimum_proficiency_outside_one_to_ten_is_refused()
    {
        Load.FailsWith(
            Load.Lines("queues:", "  sales:", "    skills: { sales: 11 }"),
            line: 3, column: 22,
            "queue \"sales\": skill \"sales\" proficiency must be a whole number from 1 to 10 (found 11)");
    }

    [Fact]
    public void A_queue_that_is_not_a_mapping_is_refused()
    {
        Load.FailsWith(
            Load.Lines("queues:", "  sales: billing"),
            line: 2, column: 10,
            "queue \"sales\": must be a mapping of settings starting with skills:, such as { skills: { sales: 5 } } (found \"billing\")");
    }

    [Fact]
    public void A_queue_name_with_capitals_is_refused()
    {
        Load.FailsWith(
            Load.Lines("queues:", "  Sales:", "    skills: { sales: 5 }"),
            line: 2, column: 3,
            "queue name \"Sales\" must be lowercase letters, digits and '-', starting with a letter or digit (such as sales or billing-vip)");
    }

    [Fact]
    public void Hold_music_is_off_by_default_and_names_a_prompt_key_with_its_position()
    {
        Assert.Null(Load.Valid(QueueYaml.Sales()).QueuesByName["sales"].HoldMusic);

        QueueConfig queue = Load.Valid(QueueYaml.Sales("    hold-music: music/hold")).QueuesByName["sales"];

        Assert.Equal("music/hold", queue.HoldMusic);
        Assert.Equal((4, 17), (queue.HoldMusicAt!.Value.Line, queue.HoldMusicAt.Value.Column));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/music/hold")]
    [InlineData("music//hold")]
    [InlineData("music/hold.wav")]
    public void Hold_music_that_is_not_a_prompt_key_is_refused(string written)
    {
        ConfigError error = Load.SingleError(QueueYaml.Sales($"    hold-music: \"{written}\""));

        Assert.Equal((4, 17), (error.Line, error.Column));
        Assert.StartsWith("queue \"sales\": hold-music must be a prompt key such as music/hold", error.Message);
    }

    [Fact]
    public void Misspelt_key_gets_a_suggestion()
    {
        Load.FailsWith(
            QueueYaml.Sales("    prority: 5"),
            line: 4, column: 5,
            "queue \"sales\": unknown key \"prority\" (did you mean \"priority\"?); allowed keys are: skills, priority, service-level, max-wait, when-max-wait, when-nobody-logged-in, strategy, ring-timeout, max-missed-calls, reject-delay, wrap-up, announce-every, callback-offer-after, expand, hold-music");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("high")]
    public void Priority_outside_one_to_ten_is_refused(string written)
    {
        ConfigError error = Load.SingleError(QueueYaml.Sales($"    priority: {written}"));

        Assert.Equal((4, 15), (error.Line, error.Column));
        Assert.StartsWith("queue \"sales\": priority must be a whole number from 1 to 10 (found ", error.Message);
    }

    [Fact]
    public void Misspelt_strategy_gets_a_suggestion()
    {
        Load.FailsWith(
            QueueYaml.Sales("    strategy: longest-idel"),
            line: 4, column: 15,
            "queue \"sales\": strategy must be one of best-skill, longest-idle, round-robin, fewest-calls (found \"longest-idel\") (did you mean \"longest-idle\"?)");
    }

    [Theory]
    [InlineData("30")]
    [InlineData("30 s")]
    [InlineData("5m30")]
    [InlineData("1s")]
    [InlineData("10m2h")]
    public void Ring_timeout_that_is_not_a_duration_in_range_is_refused(string written)
    {
        ConfigError error = Load.SingleError(QueueYaml.Sales($"    ring-timeout: {written}"));

        Assert.Equal((4, 19), (error.Line, error.Column));
        Assert.StartsWith("queue \"sales\": ring-timeout must be a duration such as 30s, 2m or 1h30m, from 5s to 5m (found ", error.Message);
    }

    [Theory]
    [InlineData("80")]
    [InlineData("0%")]
    [InlineData("101%")]
    [InlineData("eighty%")]
    public void Service_level_percentage_is_checked(string written)
    {
        ConfigError error = Load.SingleError(QueueYaml.Sales($"    service-level: {{ answered: {written}, within: 20s }}"));

        Assert.Equal((4, 32), (error.Line, error.Column));
        Assert.StartsWith("queue \"sales\": service-level answered must be a percentage from 1% to 100%, such as 80% (found ", error.Message);
    }

    [Fact]
    public void Service_level_unknown_key_is_reported_with_its_queue()
    {
        Load.FailsWith(
            QueueYaml.Sales("    service-level: { answerd: 80% }"),
            line: 4, column: 22,
            "queue \"sales\": service-level unknown key \"answerd\" (did you mean \"answered\"?); allowed keys are: answered, within");
    }

    [Fact]
    public void Overflow_to_an_undefined_queue_suggests_the_likely_one()
    {
        Load.FailsWith(
            QueueYaml.Sales("    when-nobody-logged-in: overflow:genral", "  general:", "    skills: { general: 1 }"),
            line: 4, column: 28,
            "queue \"sales\": when-nobody-logged-in overflows to queue \"genral\", which is not defined (did you mean \"general\"?); defined queues are: sales, general");
    }

    [Fact]
    public void Overflow_to_a_queue_defined_later_in_the_file_is_accepted()
    {
        CallCenterConfig config = Load.Valid(QueueYaml.Sales("    max-wait: 5m", "    when-max-wait: overflow:general", "  general:", "    skills: { general: 1 }"));

        Assert.Equal("general", config.QueuesByName["sales"].WhenMaxWait.OverflowQueue);
    }

    [Fact]
    public void Overflow_to_the_queue_itself_is_refused()
    {
        Load.FailsWith(
            QueueYaml.Sales("    max-wait: 5m", "    when-max-wait: overflow:sales"),
            line: 5, column: 20,
            "queue \"sales\": when-max-wait overflows to the queue itself; name another queue");
    }

    [Fact]
    public void Overflow_without_a_queue_name_is_refused()
    {
        Load.FailsWith(
            QueueYaml.Sales("    max-wait: 5m", "    when-max-wait: \"overflow:\""),
            line: 5, column: 20,
            "queue \"sales\": when-max-wait must name a queue after \"overflow:\", such as overflow:general (found \"overflow:\")");
    }

    [Fact]
    public void Wait_is_refused_when_max_wait_is_reached()
    {
        Load.FailsWith(
            QueueYaml.Sales("    max-wait: 5m", "    when-max-wait: wait"),
            line: 5, column: 20,
            "queue \"sales\": when-max-wait must be one of callback, overflow:QUEUE, message (found \"wait\"); \"wait\" is only for when-nobody-logged-in");
    }

    [Fact]
    public void Misspelt_fallback_gets_a_suggestion()
    {
        Load.FailsWith(
            QueueYaml.Sales("    when-nobody-logged-in: calback"),
            line: 4, column: 28,
            "queue \"sales\": when-nobody-logged-in must be one of callback, overflow:QUEUE, message, wait (found \"calback\") (did you mean \"callback\"?)");
    }

    [Fact]
    public void Callback_without_a_callbacks_section_is_refused()
    {
        Load.FailsWith(
            QueueYaml.Sales("    max-wait: 5m", "    when-max-wait: callback"),
            line: 5, column: 20,
            "queue \"sales\": when-max-wait: callback needs a \"callbacks:\" section saying which trunk to call callers back on");
    }

    [Fact]
    public void Callback_offer_without_a_callbacks_section_is_refused()
    {
        Load.FailsWith(
            QueueYaml.Sales("    callback-offer-after: 2m"),
            line: 4, column: 27,
            "queue \"sales\": callback-offer-after needs a \"callbacks:\" section saying which trunk to call callers back on");
    }

    [Fact]
    public void Expansion_steps_must_be_in_increasing_time()
    {
        Load.FailsWith(
            QueueYaml.Sales("    expand:", "      - { after: 90s, min-proficiency: 3 }", "      - { after: 30s, add-skills: [general] }"),
            line: 6, column: 18,
            "queue \"sales\": expand step 2: after 30s must be later than the step before it (1m30s); list the steps in increasing time");
    }

    [Fact]
    public void An_expansion_step_that_changes_nothing_is_refused()
    {
        Load.FailsWith(
            QueueYaml.Sales("    expand:", "      - { after: 30s }"),
            line: 5, column: 9,
            "queue \"sales\": expand step 1: does nothing; give min-proficiency, add-skills or both");
    }

    [Fact]
    public void An_expansion_step_without_a_time_is_refused()
    {
        Load.FailsWith(
            QueueYaml.Sales("    expand:", "      - { min-proficiency: 2 }"),
            line: 5, column: 9,
            "queue \"sales\": expand step 1: missing required key \"after\"");
    }

    [Fact]
    public void An_expansion_skill_with_capitals_is_refused()
    {
        Load.FailsWith(
            QueueYaml.Sales("    expand:", "      - { after: 30s, add-skills: [General] }"),
            line: 5, column: 36,
            "queue \"sales\": expand step 1: add-skills item must be a skill name: lowercase letters, digits and '-', such as general (found \"General\")");
    }

    [Fact]
    public void Every_problem_in_the_queues_is_reported_at_once()
    {
        string yaml = Load.Lines(
            "queues:",
            "  sales:",
            "    skills: { sales: 0 }",
            "    priority: 12",
            "    strategy: random",
            "  support:",
            "    skills: { support: 5 }",
            "    max-wait: 5m",
            "    when-max-wait: overflow:nowhere");

        IReadOnlyList<ConfigError> errors = Load.Failure(yaml).Errors;

        Assert.Equal([3, 4, 5, 9], errors.Select(e => e.Line));
    }

    [Fact]
    public void Overflows_that_lead_back_to_the_queue_are_refused()
    {
        string yaml = QueueYaml.Sales(
            "    when-nobody-logged-in: overflow:general",
            "  general:",
            "    skills: { general: 1 }",
            "    max-wait: 5m",
            "    when-max-wait: overflow:billing",
            "  billing:",
            "    skills: { billing: 5 }",
            "    when-nobody-logged-in: overflow:sales");

        Load.FailsWith(
            yaml,
            line: 4, column: 28,
            "queue \"sales\": when-nobody-logged-in makes a loop of overflows (sales -> general -> billing -> sales); a caller could be passed around it for ever, so end it with callback or message");
    }

    [Fact]
    public void Overflows_that_end_in_another_fallback_are_accepted()
    {
        string yaml = QueueYaml.Sales(
            "    max-wait: 5m",
            "    when-max-wait: overflow:general",
            "    when-nobody-logged-in: overflow:general",
            "  general:",
            "    skills: { general: 1 }",
            "    max-wait: 5m",
            "    when-max-wait: message");

        Assert.Equal(2, Load.Valid(yaml).Queues.Count);
    }

    [Fact]
    public void When_max_wait_without_max_wait_is_refused()
    {
        Load.FailsWith(
            QueueYaml.Sales("    when-max-wait: message"),
            line: 4, column: 20,
            "queue \"sales\": when-max-wait needs max-wait, the wait after which it applies (such as max-wait: 10m)");
    }

    [Fact]
    public void An_expansion_step_that_lowers_no_minimum_is_refused()
    {
        Load.FailsWith(
            QueueYaml.Sales("    expand:", "      - { after: 30s, min-proficiency: 5 }"),
            line: 5, column: 40,
            "queue \"sales\": expand step 1: min-proficiency 5 lowers nothing: no skill of the queue needs more than 5");
    }
}
