namespace CallCenter.Config.Tests.Support;

/// <summary>Files with queues, trunks and callbacks for tests that break them in one place.</summary>
internal static class QueueYaml
{
    /// <summary>A queues section with one queue "sales" (lines 1–3) plus the given setting lines (from line 4).</summary>
    public static string Sales(params string[] settings) => Load.Lines(
        ["queues:", "  sales:", "    skills: { sales: 5 }", .. settings]);

    /// <summary>A trunks section with one trunk "provider" (lines 1–5) plus the given setting lines (from line 6).</summary>
    public static string Provider(params string[] settings) => Load.Lines(
        ["trunks:", "  provider:", "    host: sip.example.net", "    caller-id: \"+6328881234\"", "    default-region: PH", .. settings]);
}
