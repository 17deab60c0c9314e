namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>Runs a peer program to completion under a hard timeout.</summary>
public static class PeerRunner
{
    /// <summary>Starts <paramref name="command"/> and waits at most <paramref name="timeout"/> for it to end.</summary>
    public static async Task<PeerExit> RunAsync(PeerCommand command, TimeSpan timeout)
    {
        await using var process = PeerProcess.Start(command);
        return await process.WaitForExitAsync(timeout);
    }
}
