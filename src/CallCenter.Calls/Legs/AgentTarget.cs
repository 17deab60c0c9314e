using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Calls.Legs;

/// <summary>Where to ring an agent: its extension, the Contact it registered and the flow it registered from.</summary>
public sealed record AgentTarget(string Extension, string DisplayName, SipUri Contact, SipRemote Route);
