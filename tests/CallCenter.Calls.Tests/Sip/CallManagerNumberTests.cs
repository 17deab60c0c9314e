using CallCenter.Calls.Tests.Sip.Support;

namespace CallCenter.Calls.Tests.Sip;

/// <summary>
/// What an INVITE to a number gets, over the real SIP stack: a number we do not serve is 404 (RFC 3261 §21.4.5); a
/// number whose flow is not loaded (its file is missing or invalid) is ours but cannot be answered now, so 480
/// (§21.4.18); a number with a flow is answered and runs it.
/// </summary>
public sealed class CallManagerNumberTests
{
    [Fact]
    public async Task A_number_whose_flow_is_not_loaded_gets_480_and_no_call_is_made()
    {
        await using var harness = await CallManagerHarness.StartAsync(findFlow: _ => null);

        var response = await harness.Caller.SendAndGetFinalAsync(harness.CallerInvite("100"));

        Assert.Equal(480, response.StatusCode);
        Assert.Equal(0, harness.Manager.ActiveCalls);
        Assert.Empty(harness.Media.Created);
    }

    [Fact]
    public async Task A_number_that_is_not_configured_gets_404()
    {
        await using var harness = await CallManagerHarness.StartAsync();

        var response = await harness.Caller.SendAndGetFinalAsync(harness.CallerInvite("999"));

        Assert.Equal(404, response.StatusCode);
        Assert.Empty(harness.Media.Created);
    }

    [Fact]
    public async Task A_number_with_a_flow_is_answered_and_the_flow_plays_its_first_prompt()
    {
        await using var harness = await CallManagerHarness.StartAsync();

        await harness.CallerAnsweredAsync();

        Assert.Equal(["play:en/welcome"], harness.Media.Caller.Actions);
        Assert.Equal(1, harness.Manager.ActiveCalls);
    }
}
