namespace CallCenter.Interop.Tests.Sipp;

/// <summary>sipp's cumulative call outcome: calls that reached the end of the scenario, and calls that did not.</summary>
public sealed record SippCallCounts(long Successful, long Failed);
