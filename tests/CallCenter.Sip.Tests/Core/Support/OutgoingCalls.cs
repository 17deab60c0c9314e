using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Core.Support;

/// <summary>Calls the core places to a <see cref="Softphone"/> acting as the agent's phone.</summary>
internal static class OutgoingCalls
{
    public static OutgoingInvite PlaceCall(CoreHarness harness, Softphone agent, ReadOnlyMemory<byte> body = default, string? contentType = null, Action<SipResponse>? onProvisional = null) =>
        harness.Core.Invite(
            SipUri.Parse(agent.ContactUri),
            NameAddress.Parse($"<{agent.Aor}>"),
            NameAddress.Parse("\"Support queue\" <sip:queue-support@callcenter.test>"),
            new SipRemote(SipTransportKind.Udp, agent.Phone.EndPoint),
            body,
            contentType,
            onProvisional);

    public static async Task<Dialog> EstablishedCallAsync(CoreHarness harness, Softphone agent)
    {
        var call = PlaceCall(harness, agent);
        var invite = await agent.Phone.ReceiveRequestAsync();
        agent.Phone.Send(agent.Answer(invite, 200, extraHeaders: $"Contact: <{agent.ContactUri}>\r\n"));
        Assert.Equal(SipMethods.Ack, (await agent.Phone.ReceiveRequestAsync()).Method);
        var outcome = await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));
        return outcome.Dialog!;
    }
}
