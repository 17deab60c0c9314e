namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>
/// A peer program invocation: <paramref name="Program"/> (name on PATH) with <paramref name="Arguments"/>, run in
/// <paramref name="WorkingDirectory"/>; its output goes to <c>LogName.stdout</c> / <c>LogName.stderr</c> there.
/// </summary>
public sealed record PeerCommand(string Program, IReadOnlyList<string> Arguments, string WorkingDirectory, string LogName)
{
    /// <summary>The command line as a shell would show it, for failure messages.</summary>
    public override string ToString() =>
        string.Join(' ', Arguments.Select(Quote).Prepend(Program));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=,@+%".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
