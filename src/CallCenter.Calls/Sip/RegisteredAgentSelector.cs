using System.Collections.Concurrent;
using CallCenter.Calls.Legs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;

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
                return new AgentTarget(extension, name, contact, live[0].Source);
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Release(string extension, string callId) =>
        _busy.TryRemove(new KeyValuePair<string, string>(extension, callId));
}
