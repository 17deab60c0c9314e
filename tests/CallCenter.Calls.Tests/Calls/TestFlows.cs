using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;

namespace CallCenter.Calls.Tests.Calls;

/// <summary>Flows the call tests run, written as flow files are, and loaded (and checked) by the flow loader.</summary>
internal static class TestFlows
{
    /// <summary>"Press 1 to speak to an agent": the agent line of ivr-flows/agent-line.yaml, with its three retries.</summary>
    public const string AgentLine = """
        flow: agent-line
        start: welcome
        nodes:
          welcome:
            type: menu
            prompts: [welcome]
            keys: { "1": agent }
            timeout: 6s
            retries: 3
            no-input-prompts: [no-input]
            invalid-prompts: [invalid-choice]
            fallback: goodbye
          agent:
            type: queue
            skills: [lang-en]
          goodbye:
            type: hangup
            prompts: [goodbye]
        """;

    /// <summary>An account number (digits, then #), then billing agents speaking the caller's language; sorry when none is free.</summary>
    public const string Billing = """
        flow: billing
        language: tl
        start: account
        nodes:
          account:
            type: collect
            prompts: [main/enter-account]
            variable: account
            min-digits: 3
            max-digits: 8
            first-digit-timeout: 5s
            inter-digit-timeout: 3s
            next: billing-queue
            fallback: goodbye
          billing-queue:
            type: queue
            skills: [billing, "lang-${language}"]
            no-agent: sorry
          sorry:
            type: menu
            prompts: [all-agents-busy, main/offer-callback]
            keys: { "1": billing-queue }
            timeout: 5s
            retries: 0
            fallback: goodbye
          goodbye:
            type: hangup
            prompts: [goodbye]
        """;

    /// <summary>Says goodbye and hangs up at once.</summary>
    public const string Goodbye = """
        flow: bye
        start: goodbye
        nodes:
          goodbye:
            type: hangup
            prompts: [goodbye]
        """;

    /// <summary>Sends every call to a SIP URI.</summary>
    public static string TransferTo(string uri) => $$"""
        flow: outside
        start: out
        nodes:
          out:
            type: transfer
            uri: "{{uri}}"
        """;

    /// <summary>Loads <paramref name="yaml"/>; fails the test when the flow has an error.</summary>
    public static FlowDefinition Load(string yaml)
    {
        var result = FlowLoader.Load(yaml, "test-flow.yaml");
        Assert.True(result.Flow is not null, string.Join('\n', result.Problems));
        return result.Flow;
    }
}
