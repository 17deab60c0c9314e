namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>
/// The rule for interop tests whose peer program is missing: a developer machine without the peer may skip the
/// test, but under <c>CI=true</c> the test must run and fail, so a broken CI image can never pass by skipping.
/// </summary>
public static class PeerAvailability
{
    /// <summary>Name of the environment variable CI systems set to <c>true</c>.</summary>
    public const string CiVariable = "CI";

    /// <summary>
    /// The skip reason for a test needing <paramref name="missingPrograms"/>, or null when the test must run:
    /// either nothing is missing, or <paramref name="ciValue"/> is <c>true</c> (then the missing peer fails the test).
    /// </summary>
    public static string? SkipReason(IReadOnlyCollection<string> missingPrograms, string? ciValue)
    {
        if (missingPrograms.Count == 0 || IsCi(ciValue))
        {
            return null;
        }

        return $"peer program(s) not installed: {string.Join(", ", missingPrograms)} (install them, see .ci/run; under CI=true this test fails instead)";
    }

    /// <summary>Whether <paramref name="ciValue"/> (the value of <c>CI</c>) means "running in CI".</summary>
    public static bool IsCi(string? ciValue) => string.Equals(ciValue?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The skip reason for this machine and environment (see <see cref="SkipReason"/>).</summary>
    public static string? SkipReasonHere(IEnumerable<string> programs) =>
        SkipReason(
            programs.Where(program => ProgramLocator.Find(program) is null).ToArray(),
            Environment.GetEnvironmentVariable(CiVariable));
}
