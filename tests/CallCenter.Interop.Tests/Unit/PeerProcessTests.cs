using CallCenter.Interop.Tests.Infrastructure;

namespace CallCenter.Interop.Tests.Unit;

public sealed class PeerProcessTests
{
    [Fact]
    public async Task Captures_stdout_stderr_and_exit_code()
    {
        using var workspace = new InteropWorkspace("peer-process");

        var exit = await PeerRunner.RunAsync(
            new PeerCommand("sh", ["-c", "echo out; echo err >&2; exit 3"], workspace.Root, "sh"),
            TimeSpan.FromSeconds(10));

        Assert.False(exit.TimedOut);
        Assert.Equal(3, exit.ExitCode);
        Assert.Equal("out\n", exit.Stdout);
        Assert.Equal("err\n", exit.Stderr);
    }

    [Fact]
    public async Task Timeout_kills_the_whole_process_tree()
    {
        using var workspace = new InteropWorkspace("peer-timeout");
        var childPidFile = workspace.PathOf("child.pid");

        // The shell starts a grandchild that would outlive a kill of the shell alone.
        var exit = await PeerRunner.RunAsync(
            new PeerCommand("sh", ["-c", $"sleep 60 & echo $! > '{childPidFile}'; wait"], workspace.Root, "sh"),
            TimeSpan.FromMilliseconds(500));

        Assert.True(exit.TimedOut);
        var childPid = int.Parse(File.ReadAllText(childPidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var gone = await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(3), () => !Directory.Exists($"/proc/{childPid}") || IsZombie(childPid));
        Assert.True(gone, $"grandchild {childPid} survived the timeout kill");
    }

    [Fact]
    public void Missing_program_fails_with_its_name()
    {
        using var workspace = new InteropWorkspace("peer-missing");
        var name = "no-such-peer-" + Guid.NewGuid().ToString("N");

        var error = Assert.Throws<InvalidOperationException>(() => PeerProcess.Start(new PeerCommand(name, [], workspace.Root, "missing")));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
