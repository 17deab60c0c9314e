namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>How a peer process ended, with the files holding what it printed.</summary>
public sealed record PeerExit(PeerCommand Command, int ExitCode, bool TimedOut, TimeSpan Elapsed, string StdoutPath, string StderrPath)
{
    /// <summary>Everything the peer wrote to stdout.</summary>
    public string Stdout => ReadOrEmpty(StdoutPath);

    /// <summary>Everything the peer wrote to stderr.</summary>
    public string Stderr => ReadOrEmpty(StderrPath);

    /// <summary>Whether the peer exited by itself with status 0.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>A multi-line account for assertion messages: command, outcome and the tail of both outputs.</summary>
    public string Describe(int tailLines = 40) =>
        $"""
        $ {Command}
        -> {(TimedOut ? "KILLED after timeout" : $"exit code {ExitCode}")} after {Elapsed.TotalSeconds:F1} s
        --- stdout (last {tailLines} lines) ---
        {Tail(Stdout, tailLines)}
        --- stderr (last {tailLines} lines) ---
        {Tail(Stderr, tailLines)}
        """;

    /// <summary>The last <paramref name="lines"/> lines of <paramref name="text"/>.</summary>
    public static string Tail(string text, int lines)
    {
        var all = text.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    /// <summary>Reads a log file that may not exist (the peer may have died before writing it).</summary>
    public static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;
}
