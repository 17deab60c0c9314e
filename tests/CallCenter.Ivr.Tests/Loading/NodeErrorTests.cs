using CallCenter.Ivr.Loading;
using static CallCenter.Ivr.Tests.Loading.FlowTestSupport;

namespace CallCenter.Ivr.Tests.Loading;

/// <summary>
/// One test per kind of mistake inside a node: each is reported once, at the value that is wrong, naming the node.
/// The node under test is "n" and its keys start on line 5.
/// </summary>
public class NodeErrorTests
{
    private static FlowProblem ProblemIn(string nodeBody) =>
        SingleProblem($"flow: test\nstart: n\nnodes:\n  n:\n{nodeBody}\n  bye:\n    type: hangup\n");

    [Fact]
    public void Missing_type_lists_the_types()
    {
        AssertError(ProblemIn("    next: bye"), 5, 5, "node \"n\": missing required key \"type\" (one of play, menu, collect, say, set, branch, queue, transfer, hangup, callback, cancel-callback)");
    }

    [Fact]
    public void Unknown_type_suggests_the_likely_one()
    {
        AssertError(ProblemIn("    type: manu"), 5, 11, "node \"n\": unknown type \"manu\" (did you mean \"menu\"?); types are: play, menu");
    }

    [Fact]
    public void Unknown_key_suggests_the_likely_one_and_lists_the_keys_of_the_type()
    {
        AssertError(
            ProblemIn("    type: play\n    prompts: [a]\n    nxt: bye\n    next: bye"),
            7, 5,
            "node \"n\": unknown key \"nxt\" (did you mean \"next\"?); allowed keys are: type, prompts, interruptible, next");
    }

    [Fact]
    public void Missing_required_key_names_it()
    {
        AssertError(ProblemIn("    type: play\n    prompts: [a]"), 5, 5, "node \"n\": missing required key \"next\"");
    }

    [Fact]
    public void A_node_must_be_a_mapping()
    {
        AssertError(ProblemIn("    [play, bye]"), 5, 5, "node \"n\" must be a mapping with \"type\" and the keys of that type (found a list)");
    }

    [Fact]
    public void A_target_must_be_a_node_id()
    {
        AssertError(
            ProblemIn("    type: play\n    prompts: [a]\n    next: [bye]"),
            7, 11,
            "node \"n\": \"next\" must be the id of a node (found a list)");
    }

    [Fact]
    public void A_prompt_name_is_written_without_wav()
    {
        AssertError(ProblemIn("    type: play\n    prompts: [ok, welcome.wav]\n    next: bye"), 6, 19, "node \"n\": \"prompts\": \"welcome.wav\" is not a prompt name; leave out \".wav\"");
    }

    [Fact]
    public void A_prompt_name_cannot_leave_the_audio_folder()
    {
        AssertError(ProblemIn("    type: play\n    prompts: ../secret\n    next: bye"), 6, 14, "node \"n\": \"prompts\": \"../secret\" is not a prompt name; a prompt name is a path under the language folder");
    }

    [Fact]
    public void Play_needs_at_least_one_prompt()
    {
        AssertError(ProblemIn("    type: play\n    prompts: []\n    next: bye"), 6, 14, "node \"n\": \"prompts\" is empty; it must name at least one prompt");
    }

    [Fact]
    public void Interruptible_is_true_or_false()
    {
        AssertError(ProblemIn("    type: play\n    prompts: [a]\n    interruptible: yes\n    next: bye"), 7, 20, "node \"n\": \"interruptible\" must be true or false (found \"yes\")");
    }

    [Fact]
    public void Menu_keys_are_phone_keys()
    {
        AssertError(
            ProblemIn("    type: menu\n    prompts: [m]\n    keys: { \"1\": bye, \"10\": bye }\n    fallback: bye"),
            7, 23,
            "node \"n\": \"10\" is not a phone key; menu keys are 0-9, * and #, each in quotes");
    }

    [Fact]
    public void A_menu_needs_keys()
    {
        AssertError(ProblemIn("    type: menu\n    prompts: [m]\n    keys: {}\n    fallback: bye"), 7, 11, "node \"n\": \"keys\" is empty; a menu needs at least one key");
    }

    [Fact]
    public void A_menu_key_used_twice_is_reported_at_the_second()
    {
        AssertError(
            ProblemIn("    type: menu\n    prompts: [m]\n    keys: { \"1\": bye, 1: n }\n    fallback: bye"),
            7, 23,
            "duplicate key \"1\": it is already used on line 7 of this mapping");
    }

    [Fact]
    public void A_number_out_of_range_gives_the_range()
    {
        AssertError(ProblemIn("    type: menu\n    prompts: [m]\n    keys: { \"1\": bye }\n    retries: 11\n    fallback: bye"), 8, 14, "node \"n\": \"retries\" must be a whole number from 0 to 10 (found 11)");
    }

    [Fact]
    public void A_number_in_quotes_is_explained()
    {
        AssertError(
            ProblemIn("    type: menu\n    prompts: [m]\n    keys: { \"1\": bye }\n    retries: \"2\"\n    fallback: bye"),
            8, 14,
            "node \"n\": \"retries\" must be a whole number from 0 to 10 (found \"2\" in quotes; write numbers without quotes)");
    }

    [Fact]
    public void A_bad_duration_shows_the_forms()
    {
        AssertError(
            ProblemIn("    type: menu\n    prompts: [m]\n    keys: { \"1\": bye }\n    timeout: 5 seconds\n    fallback: bye"),
            8, 14,
            "node \"n\": \"timeout\" must be a duration such as 500ms, 5s or 2m, or a number of seconds (found \"5 seconds\")");
    }

    [Fact]
    public void A_duration_out_of_range_gives_the_limits()
    {
        AssertError(
            ProblemIn("    type: menu\n    prompts: [m]\n    keys: { \"1\": bye }\n    timeout: 0s\n    fallback: bye"),
            8, 14,
            "node \"n\": \"timeout\" must be longer than 0 and at most 10m (found \"0s\")");
    }

    private const string CollectHead = "    type: collect\n    prompts: [enter]\n    variable: pin\n    next: bye\n    fallback: bye\n";

    [Fact]
    public void Collect_needs_max_digits()
    {
        AssertError(ProblemIn(CollectHead.TrimEnd('\n')), 5, 5, "node \"n\": missing required key \"max-digits\"");
    }

    [Fact]
    public void Max_digits_is_at_most_32()
    {
        AssertError(ProblemIn(CollectHead + "    max-digits: 33"), 10, 17, "node \"n\": \"max-digits\" must be a whole number from 1 to 32 (found 33)");
    }

    [Fact]
    public void A_bad_pattern_says_why()
    {
        AssertError(ProblemIn(CollectHead + "    max-digits: 4\n    pattern: \"[0-9\""), 11, 14, "node \"n\": \"pattern\" is not a valid pattern: Unterminated [] set");
    }

    [Fact]
    public void The_terminator_is_pound_star_or_none()
    {
        AssertError(ProblemIn(CollectHead + "    max-digits: 4\n    terminator: \"0\""), 11, 17, "node \"n\": \"terminator\" must be \"#\" or \"*\" (in quotes), or none (found \"0\")");
    }

    [Fact]
    public void An_unquoted_pound_terminator_is_a_comment_and_so_empty()
    {
        AssertError(ProblemIn(CollectHead + "    max-digits: 4\n    terminator: #"), 11, 16, "node \"n\": \"terminator\" is empty; it must be \"#\" or \"*\" (in quotes), or none");
    }

    [Fact]
    public void Collect_cannot_store_into_a_read_only_variable()
    {
        AssertError(
            ProblemIn("    type: collect\n    prompts: [enter]\n    variable: caller\n    max-digits: 4\n    next: bye\n    fallback: bye"),
            7, 15,
            "node \"n\": \"variable\" cannot be \"caller\": that variable is filled in by the call itself and cannot be changed");
    }

    [Fact]
    public void Say_items_have_one_of_four_kinds()
    {
        AssertError(ProblemIn("    type: say\n    items:\n      - spell: account\n    next: bye"), 7, 9, "node \"n\": item 1 of \"items\": unknown item kind \"spell\"; allowed item kinds are: prompt, number, digits, duration");
    }

    [Fact]
    public void A_say_item_is_a_single_pair()
    {
        AssertError(
            ProblemIn("    type: say\n    items:\n      - { prompt: a, digits: b }\n    next: bye"),
            7, 9,
            "node \"n\": item 1 of \"items\" must be one of \"prompt: NAME\", \"number: VARIABLE\", \"digits: VARIABLE\" or \"duration: VARIABLE\" (found a mapping)");
    }

    [Fact]
    public void Set_cannot_change_read_only_variables()
    {
        AssertError(ProblemIn("    type: set\n    values: { dialled: 100 }\n    next: bye"), 6, 15, "node \"n\": variable cannot be \"dialled\": that variable is filled in by the call itself");
    }

    [Fact]
    public void Set_checks_a_fixed_language()
    {
        AssertError(ProblemIn("    type: set\n    values: { language: Tagalog }\n    next: bye"), 6, 25, "node \"n\": \"language\" must be a language code such as en, tl or ms (found \"Tagalog\")");
    }

    [Fact]
    public void Set_checks_a_fixed_priority()
    {
        AssertError(ProblemIn("    type: set\n    values: { priority: 0 }\n    next: bye"), 6, 25, "node \"n\": \"priority\" must be a whole number from 1 to 10 (found 0)");
    }

    [Fact]
    public void Set_reports_an_unclosed_variable_reference()
    {
        AssertError(ProblemIn("    type: set\n    values: { subject: \"Account ${account\" }\n    next: bye"), 6, 24, "node \"n\": \"subject\" has \"${\" without a closing \"}\"");
    }

    [Fact]
    public void A_value_may_not_be_left_empty()
    {
        AssertError(ProblemIn("    type: set\n    values:\n      subject:\n    next: bye"), 7, 15, "node \"n\": \"subject\" is empty; it must be a value (write \"\" for empty text)");
    }

    [Fact]
    public void A_condition_test_needs_its_variable()
    {
        AssertError(
            ProblemIn("    type: branch\n    rules:\n      - if: { equals: tl }\n        goto: bye\n    else: bye"),
            7, 15,
            "node \"n\": rule 1: \"equals\" needs \"variable: NAME\" beside it to say which variable it tests");
    }

    [Fact]
    public void A_variable_takes_one_test()
    {
        AssertError(
            ProblemIn("    type: branch\n    rules:\n      - if: { variable: x, equals: a, not-equals: b }\n        goto: bye\n    else: bye"),
            7, 15,
            "node \"n\": rule 1: \"variable\" takes only one of equals, not-equals, is-set, matches beside it");
    }

    [Fact]
    public void An_unknown_condition_suggests_the_likely_one()
    {
        AssertError(
            ProblemIn("    type: branch\n    rules:\n      - if: { opne: office }\n        goto: bye\n    else: bye"),
            7, 15,
            "node \"n\": rule 1: unknown condition \"opne\" (did you mean \"open\"?)");
    }

    [Fact]
    public void A_rule_needs_goto()
    {
        AssertError(ProblemIn("    type: branch\n    rules:\n      - if: { caller: \"1.*\" }\n    else: bye"), 7, 9, "node \"n\": rule 1: missing required key \"goto\"");
    }

    [Fact]
    public void A_caller_pattern_must_compile()
    {
        AssertError(
            ProblemIn("    type: branch\n    rules:\n      - if: { caller: \"(+63\" }\n        goto: bye\n    else: bye"),
            7, 23,
            "node \"n\": rule 1: \"caller\" is not a valid pattern:");
    }

    [Fact]
    public void Skills_are_lowercase()
    {
        AssertError(ProblemIn("    type: queue\n    skills: [Billing]"), 6, 14, "node \"n\": \"skills\" has skill \"Billing\", but skills are written in lowercase letters, digits and '-'");
    }

    [Fact]
    public void A_queue_needs_a_skill()
    {
        AssertError(ProblemIn("    type: queue\n    skills: []"), 6, 13, "node \"n\": \"skills\" is empty; list the skills an agent needs");
    }

    [Fact]
    public void A_transfer_needs_flow_or_uri()
    {
        AssertError(ProblemIn("    type: transfer"), 5, 5, "node \"n\": a transfer needs either \"flow: NAME\" (continue in another flow) or \"uri: sip:...\"");
    }

    [Fact]
    public void A_transfer_takes_only_one_of_flow_and_uri()
    {
        AssertError(ProblemIn("    type: transfer\n    flow: survey\n    uri: sip:a@b"), 7, 5, "node \"n\": a transfer takes either \"flow\" or \"uri\", not both");
    }

    [Fact]
    public void A_transfer_uri_is_a_sip_address()
    {
        AssertError(ProblemIn("    type: transfer\n    uri: \"tel:+63281234567\""), 6, 10, "node \"n\": \"uri\" must be a SIP address such as \"sip:+63281234567@trunk.example.com\", without spaces (found \"tel:+63281234567\")");
    }
}
