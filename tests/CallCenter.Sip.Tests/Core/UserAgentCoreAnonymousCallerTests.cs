using CallCenter.Sip.Tests.Core.Support;

namespace CallCenter.Sip.Tests.Core;

/// <summary>Who must authenticate an INVITE: our users (agents) always; members of the public only when anonymous callers are refused.</summary>
public sealed class UserAgentCoreAnonymousCallerTests
{
    [Fact]
    public async Task A_caller_who_is_not_one_of_our_users_reaches_the_handler_without_credentials_when_allowed()
    {
        await using var harness = await CoreHarness.StartAsync();
        harness.Core.AcceptAnonymousCallers = true;
        var handler = new RecordingInviteHandler();
        harness.Core.InviteHandler = handler;
        var stranger = harness.NewPhone(user: "customer-0917");

        stranger.Phone.Send(stranger.Invite());
        await stranger.Phone.AssertNothingSentAsync();

        Assert.NotNull(handler.LastInvite);
        Assert.Equal(["invite "], handler.Events); // no authenticated user
    }

    [Fact]
    public async Task An_agent_is_still_challenged_when_anonymous_callers_are_allowed()
    {
        await using var harness = await CoreHarness.StartAsync();
        harness.Core.AcceptAnonymousCallers = true;
        harness.Core.InviteHandler = new RecordingInviteHandler();
        var agent = harness.NewPhone(user: "1001");

        var response = await agent.Phone.SendAndGetFinalAsync(agent.Invite());

        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public async Task A_stranger_is_challenged_when_anonymous_callers_are_refused()
    {
        await using var harness = await CoreHarness.StartAsync();
        harness.Core.InviteHandler = new RecordingInviteHandler();
        var stranger = harness.NewPhone(user: "customer-0917");

        var response = await stranger.Phone.SendAndGetFinalAsync(stranger.Invite());

        Assert.Equal(401, response.StatusCode);
    }
}
