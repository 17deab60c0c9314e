namespace CallCenter.Routing;

/// <summary>What a waiting caller can be told.</summary>
/// <param name="Position">1-based place among the contacts waiting for the same agents (same queue step and requirements).</param>
/// <param name="EstimatedWait">Estimated time until an agent is offered, or null when there is no handle-time data or no staffed agent.</param>
/// <param name="StaffedAgents">Logged-in, registered, unpaused agents eligible for the contact now.</param>
public readonly record struct WaitEstimate(int Position, TimeSpan? EstimatedWait, int StaffedAgents);
