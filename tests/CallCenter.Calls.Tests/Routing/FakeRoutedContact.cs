using CallCenter.Calls.Legs;
using CallCenter.Calls.Routing;
using CallCenter.Routing;

namespace CallCenter.Calls.Tests.Routing;

/// <summary>A contact owner that records what routing told it, as text: "offer 1001", "withdraw 1001 RingTimeout", "left Message".</summary>
internal sealed class FakeRoutedContact : IRoutedContact
{
    public List<string> Heard { get; } = [];

    public AgentTarget? LastOffer { get; private set; }

    public void Offer(AgentTarget agent, DateTimeOffset ringDeadline)
    {
        LastOffer = agent;
        Heard.Add("offer " + agent.Extension);
    }

    public void Withdraw(string agentId, WithdrawReason reason) => Heard.Add($"withdraw {agentId} {reason}");

    public void Left(FallbackAction action, LeaveReason reason) => Heard.Add($"left {action} {reason}");
}
