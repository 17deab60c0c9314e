namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>The theory form of <see cref="InteropFactAttribute"/>: same skip-only-outside-CI rule.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class InteropTheoryAttribute : TheoryAttribute
{
    /// <summary>Declares the peer programs (names on PATH) the test runs.</summary>
    public InteropTheoryAttribute(params string[] programs)
    {
        Programs = programs;
        Skip = PeerAvailability.SkipReasonHere(programs);
    }

    /// <summary>The peer programs this test needs.</summary>
    public IReadOnlyList<string> Programs { get; }
}
