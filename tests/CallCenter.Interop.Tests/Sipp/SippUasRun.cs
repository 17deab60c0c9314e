using CallCenter.Interop.Tests.Infrastructure;

namespace CallCenter.Interop.Tests.Sipp;

/// <summary>
/// How to run a sipp agent softphone: <paramref name="Scenario"/> is a UAS scenario in the Scenarios folder, or null
/// for sipp's built-in <c>uas</c> (180, then 200 with a PCMU offer answer, then waits for BYE).
/// </summary>
public sealed record SippUasRun(string? Scenario)
{
    /// <summary>The agent account it registers as.</summary>
    public TestAgent Agent { get; init; } = TestAgent.Default;

    /// <summary>Values for <c>[name]</c> keywords in the scenario (sipp's <c>-key name value</c>).</summary>
    public IReadOnlyDictionary<string, string> Keys { get; init; } = new Dictionary<string, string>();

    /// <summary>Name for the log files, distinct per run within a test.</summary>
    public string LogName { get; init; } = "agent";

    /// <summary>sipp's own limit on the whole run (<c>-timeout</c>); the test waits for the exit separately.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
