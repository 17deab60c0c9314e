using CallCenter.Interop.Tests.Infrastructure;

namespace CallCenter.Interop.Tests.Sipp;

/// <summary>
/// One sipp client run: <paramref name="Scenario"/> (a file in the Scenarios folder) against
/// 127.0.0.1:<paramref name="TargetPort"/>.
/// </summary>
public sealed record SippRun(string Scenario, int TargetPort)
{
    /// <summary>UDP or TCP.</summary>
    public SippTransport Transport { get; init; } = SippTransport.Udp;

    /// <summary>Users for the injection file, one per call in order.</summary>
    public IReadOnlyList<(string User, string Password)> Users { get; init; } = [(TestAgent.Default.Extension, TestAgent.Default.Secret)];

    /// <summary>Number of calls (<c>-m</c>).</summary>
    public int Calls { get; init; } = 1;

    /// <summary>sipp's own SIP port (<c>-p</c>); null picks a free one. Reuse a port to reproduce a Contact.</summary>
    public int? LocalPort { get; init; }

    /// <summary>Name for the log files, distinct per run within a test.</summary>
    public string LogName { get; init; } = "sipp";

    /// <summary>Further sipp arguments (e.g. <c>-mp</c> for the media port of a call scenario).</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Hard limit on the whole sipp process.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
}
