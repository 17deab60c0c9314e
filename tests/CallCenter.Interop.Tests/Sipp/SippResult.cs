using CallCenter.Interop.Tests.Infrastructure;

namespace CallCenter.Interop.Tests.Sipp;

/// <summary>What a sipp run did: process exit, call counts, and its error and message traces.</summary>
public sealed record SippResult(PeerExit Exit, SippCallCounts? Counts, int LocalPort, string ErrorLog, string MessageLog)
{
    /// <summary>
    /// Whether exactly <paramref name="calls"/> calls succeeded and none failed, with sipp's exit status 0
    /// ("all calls were successful").
    /// </summary>
    public bool AllSucceeded(int calls) => Exit.Succeeded && Counts == new SippCallCounts(calls, 0);

    /// <summary>Everything useful for an assertion message, including the SIP message trace.</summary>
    public string Describe() =>
        $"""
        sipp counts: {(Counts is null ? "unparsed" : $"{Counts.Successful} successful, {Counts.Failed} failed")}
        {Exit.Describe(25)}
        --- sipp error log ---
        {PeerExit.Tail(ErrorLog, 30)}
        --- sipp message trace (last 80 lines) ---
        {PeerExit.Tail(MessageLog, 80)}
        """;
}
