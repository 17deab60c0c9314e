using System.Net;
using CallCenter.Sip.Core;
using CallCenter.Sip.Tests.Core.Support;

namespace CallCenter.Sip.Tests.Trunks;

/// <summary>
/// INVITEs from a trunk's addresses need no credentials; other strangers are challenged unless anonymous callers are
/// allowed; agents are always challenged. The caller's identity follows the source's trust.
/// </summary>
public sealed class TrunkTrustedSourceTests
{
    [Theory]
    [InlineData("203.0.113.9", "carrier-b")]
    [InlineData("::ffff:203.0.113.200", "carrier-b")]
    [InlineData("192.0.2.10", "carrier-a")]
    [InlineData("2001:db8::5", "carrier-v6")]
    public void Addresses_and_networks_are_matched_to_their_trunk(string address, string trunk)
    {
        var sources = Sources();

        Assert.True(sources.TryMatch(IPAddress.Parse(address), out var matched));
        Assert.Equal(trunk, matched);
    }

    [Theory]
    [InlineData("192.0.2.11")]
    [InlineData("203.0.114.1")]
    [InlineData("2001:db9::5")]
    public void Other_addresses_are_not_trusted(string address) =>
        Assert.False(Sources().TryMatch(IPAddress.Parse(address), out _));

    [Fact]
    public async Task A_caller_from_a_trunk_address_reaches_the_handler_without_a_challenge()
    {
        await using var harness = await CoreHarness.StartAsync();
        harness.Core.TrustedSources = Loopback();
        var handler = new RecordingInviteHandler();
        harness.Core.InviteHandler = handler;
        var trunk = harness.NewPhone(user: "+639171234567");

        trunk.Phone.Send(CallerCalls.Invite(trunk, "P-Asserted-Identity: <tel:+639998887777>\r\n"));
        await trunk.Phone.AssertNothingSentAsync();

        Assert.Equal(["invite "], handler.Events);
        Assert.Equal(new CallerIdentity("+639998887777", CallerIdentitySource.AssertedIdentity), harness.Core.ResolveCaller(handler.LastInvite!));
    }

    [Fact]
    public async Task A_stranger_is_challenged_when_only_trunks_are_trusted()
    {
        await using var harness = await CoreHarness.StartAsync();
        harness.Core.TrustedSources = new TrustedSources([("carrier", IPNetwork.Parse("10.0.0.0/8"))]);
        harness.Core.InviteHandler = new RecordingInviteHandler();
        var stranger = harness.NewPhone(user: "customer-0917");

        var (_, response) = await CallerCalls.CallAsync(stranger, "P-Asserted-Identity: <tel:+639998887777>\r\n");

        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public async Task An_agent_calling_from_a_trunk_address_is_still_challenged()
    {
        await using var harness = await CoreHarness.StartAsync();
        harness.Core.TrustedSources = Loopback();
        harness.Core.InviteHandler = new RecordingInviteHandler();
        var agent = harness.NewPhone(user: "1001");

        var response = await agent.Phone.SendAndGetFinalAsync(agent.Invite());

        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public async Task A_public_caller_let_in_without_trust_is_named_by_From_not_by_its_assertion()
    {
        await using var harness = await CoreHarness.StartAsync();
        harness.Core.AcceptAnonymousCallers = true;
        var handler = new RecordingInviteHandler();
        harness.Core.InviteHandler = handler;
        var stranger = harness.NewPhone(user: "0917123456");

        stranger.Phone.Send(CallerCalls.Invite(stranger, "P-Asserted-Identity: <tel:+15550000000>\r\n"));
        await stranger.Phone.AssertNothingSentAsync();

        Assert.Equal(new CallerIdentity("0917123456", CallerIdentitySource.From), harness.Core.ResolveCaller(handler.LastInvite!));
    }

    private static TrustedSources Loopback() => new([("loopback-trunk", IPNetwork.Parse("127.0.0.1/32"))]);

    private static TrustedSources Sources() => new(
    [
        ("carrier-a", IPNetwork.Parse("192.0.2.10/32")),
        ("carrier-b", IPNetwork.Parse("203.0.113.0/24")),
        ("carrier-v6", IPNetwork.Parse("2001:db8::/32")),
    ]);
}
