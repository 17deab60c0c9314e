using CallCenter.Calls.Media;
using CallCenter.Ivr.Runtime;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Tests.Calls;

/// <summary>
/// The call as host of its IVR flow: the flow's prompts play on the caller's leg, keys reach it whichever way they
/// came, its timer runs on the call's clock, and the flow's ways out (hang up) and the caller's hang-up end it.
/// </summary>
public class InboundCallFlowTests
{
    private static readonly TimeSpan MenuTimeout = TimeSpan.FromSeconds(6);

    private readonly CallTestbed _bed = new();

    [Fact]
    public void The_flows_prompts_play_on_the_callers_leg_in_the_flows_language_with_its_barge_in()
    {
        _bed.Languages.Add("tl");
        var call = _bed.InFlow(TestFlows.Billing);

        Assert.Equal("tl/main/enter-account", _bed.CallerMedia.LastPlayed);
        Assert.True(_bed.CallerMedia.LastInterruptible);
        Assert.Equal(CallState.InFlow, call.State);
    }

    [Fact]
    public void A_prompt_missing_in_the_callers_language_is_played_in_English()
    {
        _bed.InFlow(TestFlows.Billing);

        Assert.Equal("en/main/enter-account", _bed.CallerMedia.LastPlayed);
    }

    [Fact]
    public void Keys_reach_the_flow_by_RFC_4733_by_SIP_INFO_and_in_band_alike()
    {
        var call = _bed.InFlow(TestFlows.Billing);

        _bed.CallerMedia.Raise(new MediaEvent.Digit('4', "rfc4733"));
        call.OnInfoDigit('5');
        _bed.CallerMedia.Raise(new MediaEvent.Digit('6', "inband"));
        call.OnInfoDigit('#');

        Assert.Equal("456", call.FlowVariables["account"]);
        Assert.Equal(["4", "5", "6", "#"], call.FlowSteps.Where(s => s.Kind == FlowStepKind.Key).Select(s => s.Detail));
        Assert.Equal(CallState.RingingAgent, call.State);
    }

    [Fact]
    public void The_flows_timer_runs_on_the_calls_clock_and_reprompts_when_no_key_comes()
    {
        var call = _bed.InFlow();
        _bed.CallerMedia.FinishPlayback();

        _bed.Time.Advance(MenuTimeout - TimeSpan.FromMilliseconds(1));
        Assert.Equal("en/welcome", _bed.CallerMedia.LastPlayed);

        _bed.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("en/no-input", _bed.CallerMedia.LastPlayed);
        Assert.Contains(call.FlowSteps, s => s.Kind == FlowStepKind.Timeout);

        _bed.CallerMedia.FinishPlayback();
        Assert.Equal("en/welcome", _bed.CallerMedia.LastPlayed);
    }

    [Fact]
    public void A_wrong_key_plays_the_invalid_prompt_then_the_menu_again()
    {
        var call = _bed.InFlow();

        _bed.Press('7');

        Assert.Equal("en/invalid-choice", _bed.CallerMedia.LastPlayed);
        _bed.CallerMedia.FinishPlayback();
        Assert.Equal("en/welcome", _bed.CallerMedia.LastPlayed);
        Assert.Contains(call.FlowSteps, s => s.Kind == FlowStepKind.Invalid && s.Detail == "7");
    }

    [Fact]
    public void The_end_of_a_playback_the_flow_has_replaced_is_not_taken_for_the_end_of_the_new_one()
    {
        _bed.InFlow();
        var welcome = _bed.CallerMedia.LastPlayback;
        _bed.Press('7');

        _bed.CallerMedia.Raise(new MediaEvent.PromptFinished(welcome));

        Assert.Equal("en/invalid-choice", _bed.CallerMedia.LastPlayed);
        _bed.Time.Advance(MenuTimeout * 2);
        Assert.Equal("en/invalid-choice", _bed.CallerMedia.LastPlayed);
    }

    [Fact]
    public void A_hangup_outcome_releases_the_call_once_the_goodbye_has_played()
    {
        var call = _bed.InFlow(TestFlows.Goodbye);
        Assert.Equal("en/goodbye", _bed.CallerMedia.LastPlayed);
        Assert.False(_bed.CallerMedia.LastInterruptible);
        Assert.DoesNotContain("bye", _bed.Caller.Actions);

        _bed.CallerMedia.FinishPlayback();

        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("released", call.Outcome);
        Assert.Equal("bye", _bed.Caller.Actions[^1]);
        Assert.Equal(FlowOutcome.HungUp, call.FlowOutcome);
        Assert.True(_bed.CallerMedia.Disposed);
        Assert.Same(call, Assert.Single(_bed.Ended));
    }

    [Fact]
    public void Retries_used_up_on_the_agent_line_end_in_goodbye_and_release()
    {
        var call = _bed.InFlow();
        for (var i = 0; i < 4; i++)
        {
            _bed.Press('9');
            if (i < 3)
            {
                _bed.CallerMedia.FinishPlayback();
            }
        }

        Assert.Equal("en/goodbye", _bed.CallerMedia.LastPlayed);
        _bed.CallerMedia.FinishPlayback();
        Assert.Equal(("released", CallState.Ended), (call.Outcome, call.State));
    }

    [Fact]
    public void The_caller_hanging_up_mid_flow_ends_the_run_and_its_timer()
    {
        var call = _bed.InFlow();
        _bed.CallerMedia.FinishPlayback();
        var played = _bed.CallerMedia.Actions.Count;

        call.OnCallerHangup();
        _bed.Time.Advance(MenuTimeout * 3);

        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("caller-hangup", call.Outcome);
        Assert.Equal(FlowOutcome.CallerHungUp, call.FlowOutcome);
        Assert.Equal(played, _bed.CallerMedia.Actions.Count);
        Assert.DoesNotContain(call.FlowSteps, s => s.Kind == FlowStepKind.Timeout);
        Assert.Equal(FlowStepKind.Outcome, call.FlowSteps[^1].Kind);
        Assert.DoesNotContain("bye", _bed.Caller.Actions);
    }

    [Fact]
    public void Media_inactivity_mid_flow_ends_the_run_and_hangs_up_the_caller()
    {
        var call = _bed.InFlow();

        _bed.CallerMedia.Raise(new MediaEvent.Inactive());

        Assert.Equal(("caller-media-timeout", CallState.Ended), (call.Outcome, call.State));
        Assert.Equal(FlowOutcome.CallerHungUp, call.FlowOutcome);
        Assert.Equal("bye", _bed.Caller.Actions[^1]);
    }

    [Fact]
    public void The_flows_steps_and_variables_stay_on_the_call_after_it_ends()
    {
        var call = _bed.InFlow(TestFlows.Billing);
        _bed.Press("123#");
        _bed.Dialer.Events!(new Legs.AgentLegEvent.Answered("v=0 agent-answer"));
        _bed.Dialer.Events!(new Legs.AgentLegEvent.HungUp());

        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("billing", call.FlowName);
        Assert.Equal(FlowOutcome.Queued, call.FlowOutcome);
        Assert.Equal(("123", "0917", "100", "tl"), (call.FlowVariables["account"], call.FlowVariables["caller"], call.FlowVariables["dialled"], call.FlowVariables["language"]));
        Assert.Equal(["account", "billing-queue"], call.FlowSteps.Where(s => s.Kind == FlowStepKind.Entered).Select(s => s.Node));
        Assert.Equal("queue billing,lang-tl priority 5", call.FlowSteps[^1].Detail);
    }

    [Fact]
    public void The_flow_asks_the_call_whether_agents_with_a_skill_are_logged_in()
    {
        const string flow = """
            flow: availability
            start: check
            nodes:
              check:
                type: branch
                rules:
                  - if: { agents-available: billing }
                    goto: billing
                else: closed
              billing:
                type: hangup
                prompts: [main/enter-account]
              closed:
                type: hangup
                prompts: [all-agents-busy]
            """;
        _bed.InFlow(flow);
        Assert.Equal("en/main/enter-account", _bed.CallerMedia.LastPlayed);

        var other = new CallTestbed();
        other.Routing.Unregister("1001");
        other.InFlow(flow);
        Assert.Equal("en/all-agents-busy", other.CallerMedia.LastPlayed);
    }

    [Fact]
    public void The_flows_path_is_logged_at_debug_when_the_call_ends()
    {
        var call = _bed.InFlow();
        _bed.Press('7');

        Assert.DoesNotContain(_bed.Log.Entries, e => e.Text.Contains("path:", StringComparison.Ordinal));
        call.OnCallerHangup();

        var path = Assert.Single(_bed.Log.Entries, e => e.Text.Contains("path:", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, path.Level);
        Assert.Contains("flow agent-line ended CallerHungUp", path.Text, StringComparison.Ordinal);
        Assert.Contains("welcome Key 7", path.Text, StringComparison.Ordinal);
        Assert.Contains("welcome Invalid 7", path.Text, StringComparison.Ordinal);
    }
}
