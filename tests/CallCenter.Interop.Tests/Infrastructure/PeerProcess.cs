using System.Diagnostics;

namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>
/// A running peer program. Its stdout and stderr are copied to files, stdin is closed at once (no peer may wait
/// for a terminal), and the whole process tree is killed on timeout or disposal so nothing outlives a test.
/// </summary>
public sealed class PeerProcess : IAsyncDisposable
{
    // After a kill, how long to wait for the pipes to drain; a grandchild holding them must not hang a test.
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(3);

    private readonly Process _process;
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private readonly Stopwatch _clock;

    private PeerProcess(PeerCommand command, Process process, Task stdoutPump, Task stderrPump, string stdoutPath, string stderrPath, Stopwatch clock)
    {
        Command = command;
        _process = process;
        _stdoutPump = stdoutPump;
        _stderrPump = stderrPump;
        StdoutPath = stdoutPath;
        StderrPath = stderrPath;
        _clock = clock;
    }

    /// <summary>What was started.</summary>
    public PeerCommand Command { get; }

    /// <summary>File receiving the peer's stdout.</summary>
    public string StdoutPath { get; }

    /// <summary>File receiving the peer's stderr.</summary>
    public string StderrPath { get; }

    /// <summary>Operating-system process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <paramref name="command"/>. A missing program throws with a message naming it: outside CI the
    /// <see cref="InteropFactAttribute"/> has already skipped such a test, so reaching this means CI lacks the peer.
    /// </summary>
    public static PeerProcess Start(PeerCommand command)
    {
        var executable = ProgramLocator.Find(command.Program)
            ?? throw new InvalidOperationException(
                $"Peer program '{command.Program}' is not installed; CI=true requires every interop peer (see .ci/run).");

        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = command.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var stdoutPath = Path.Combine(command.WorkingDirectory, command.LogName + ".stdout");
        var stderrPath = Path.Combine(command.WorkingDirectory, command.LogName + ".stderr");
        var clock = Stopwatch.StartNew();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {command}");
        process.StandardInput.Close();
        var stdoutPump = PumpAsync(process.StandardOutput.BaseStream, stdoutPath);
        var stderrPump = PumpAsync(process.StandardError.BaseStream, stderrPath);
        return new PeerProcess(command, process, stdoutPump, stderrPump, stdoutPath, stderrPath, clock);
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the peer to end by itself; past that the process tree is killed
    /// and the result says <see cref="PeerExit.TimedOut"/>.
    /// </summary>
    public async Task<PeerExit> WaitForExitAsync(TimeSpan timeout)
    {
        var timedOut = false;
        using (var deadline = new CancellationTokenSource(timeout))
        {
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                KillTree();
                await _process.WaitForExitAsync();
            }
        }

        await DrainAsync();
        return new PeerExit(Command, _process.ExitCode, timedOut, _clock.Elapsed, StdoutPath, StderrPath);
    }

    /// <summary>Kills the whole process tree if it is still running and releases the process handle.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            KillTree();
            await _process.WaitForExitAsync();
        }

        await DrainAsync();
        _process.Dispose();
    }

    private void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended between the check and the kill: nothing left to stop.
        }
    }

    private async Task DrainAsync()
    {
        var pumps = Task.WhenAll(_stdoutPump, _stderrPump);
        await Task.WhenAny(pumps, Task.Delay(DrainLimit));
    }

    private static async Task PumpAsync(Stream source, string path)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
        await source.CopyToAsync(file);
    }
}
