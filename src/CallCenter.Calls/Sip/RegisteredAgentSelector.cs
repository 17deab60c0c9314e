using System.Collections.Concurrent;
using CallCenter.Calls.Legs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using System.Net;

namespace CallCenter.Calls.Sip;

/// <summary>
/// The walking-skeleton routing rule: the first agent, in configuration order, whose softphone is registered
/// and who is not already on a call. Deterministic; skill routing replaces it in a later issue.
/// </summary>
public sealed class RegisteredAgentSelector(IReadOnlyList<(string Extension, string Name)> agents, BindingStore bindings) : IAgentSelector
{
    private readonly ConcurrentDictionary<string, string> _busy = new(StringComparer.Ordinal);

    /// <summary>Extensions currently reserved or on a call.</summary>
    public IReadOnlyCollection<string> Busy => _busy.Keys.ToArray();

    /// <inheritdoc />
    public AgentTarget? Reserve(string callId)
    {
        foreach (var (extension, name) in agents)
        {
            var live = bindings.Lookup(extension);
            if (live.Count == 0 || !SipUri.TryParse(live[0].Contact, out var contact, out _))
            {
                continue;
            }

            if (_busy.TryAdd(extension, callId))
            {
                return new AgentTarget(extension, name, contact, RouteTo(live[0], contact));
            }
        }

        return null;
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
            return new SipRemote(SipTransportKind.Udp, new IPEndPoint(host, contact.Port ?? 5060));
        }

        return binding.Source;
    }

    /// <inheritdoc />
    public void Release(string extension, string callId) =>
        _busy.TryRemove(new KeyValuePair<string, string>(extension, callId));
}
