using System.Collections.Concurrent;
using System.Net;
using CallCenter.Calls.Legs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Calls.Sip;

/// <summary>
/// The routing rule until queues exist: the first agent, in configuration order, who has every skill the flow asked
/// for, whose softphone is registered and who is not already on a call. Proficiency only counts as having the skill
/// (above 0); choosing the best-skilled agent is the routing issue's. Deterministic.
/// </summary>
public sealed class RegisteredAgentSelector(IReadOnlyList<AgentProfile> agents, BindingStore bindings) : IAgentSelector
{
    private readonly ConcurrentDictionary<string, string> _busy = new(StringComparer.Ordinal);

    /// <summary>Extensions currently reserved or on a call.</summary>
    public IReadOnlyCollection<string> Busy => _busy.Keys.ToArray();

    /// <inheritdoc />
    public AgentTarget? Reserve(string callId, IReadOnlyList<string> skills)
    {
        ArgumentNullException.ThrowIfNull(skills);
        foreach (var agent in agents)
        {
            // The cheap in-memory tests first: an agent without the skills or already on a call is passed over
            // without looking up, let alone parsing, its registered Contact.
            if (!agent.HasAll(skills) || _busy.ContainsKey(agent.Extension))
            {
                continue;
            }

            var live = bindings.Lookup(agent.Extension);
            if (live.Count == 0 || !SipUri.TryParse(live[0].Contact, out var contact, out _))
            {
                continue;
            }

            if (_busy.TryAdd(agent.Extension, callId))
            {
                return new AgentTarget(agent.Extension, agent.Name, contact, RouteTo(live[0], contact));
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Release(string extension, string callId) =>
        _busy.TryRemove(new KeyValuePair<string, string>(extension, callId));

    /// <inheritdoc />
    public bool AnyLoggedIn(string skill)
    {
        foreach (var agent in agents)
        {
            if (agent.Has(skill) && bindings.Lookup(agent.Extension).Count > 0)
            {
                return true;
            }
        }

        return false;
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
}
