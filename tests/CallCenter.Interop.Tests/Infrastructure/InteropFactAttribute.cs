namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>
/// A fact that drives real peer programs. It is skipped only when a peer is missing and <c>CI</c> is not
/// <c>true</c> (see <see cref="PeerAvailability"/>); under CI a missing peer makes the test fail when it starts the peer.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class InteropFactAttribute : FactAttribute
{
    /// <summary>Declares the peer programs (names on PATH) the test runs.</summary>
    public InteropFactAttribute(params string[] programs)
    {
        Programs = programs;
        Skip = PeerAvailability.SkipReasonHere(programs);
    }

    /// <summary>The peer programs this test needs.</summary>
    public IReadOnlyList<string> Programs { get; }
}
