using System.Diagnostics.CodeAnalysis;
using System.Net;
using CallCenter.Calls.Legs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Calls.Sip;

/// <summary>Where to ring an agent now: its most preferred live registration (RFC 3261 §10.3), if it has one.</summary>
public static class RegisteredAgentTarget
{
    /// <summary>
    /// The target for <paramref name="extension"/>'s most preferred live binding; false when the agent has none (never
    /// registered, unregistered or expired) or its Contact is not a SIP URI we can dial.
    /// </summary>
    public static bool TryResolve(BindingStore bindings, string extension, string displayName, [NotNullWhen(true)] out AgentTarget? target)
    {
        target = null;
        var live = bindings.Lookup(extension);
        if (live.Count == 0 || !SipUri.TryParse(live[0].Contact, out var contact, out _))
        {
            return false;
        }

        target = new AgentTarget(extension, displayName, contact, RouteTo(live[0], contact));
        return true;
    }

    /// <summary>
    /// Where to send the INVITE: the registered Contact when it is reachable as written (its host is the address
    /// the REGISTER came from, over UDP), else back along the flow the REGISTER arrived on — a phone behind NAT
    /// advertises an address we cannot reach, and over TCP the phone's own connection is the way in.
    /// </summary>
    private static SipRemote RouteTo(Binding binding, SipUri contact)
    {
        if (binding.Source.Transport == SipTransportKind.Udp && IPAddress.TryParse(contact.Host.Trim('[', ']'), out var host)
            && host.Equals(binding.Source.EndPoint.Address) && contact.Transport is null or "udp")
        {
            return new SipRemote(SipTransportKind.Udp, new IPEndPoint(host, contact.Port ?? TransferTarget.DefaultPort));
        }

        return binding.Source;
    }
}
