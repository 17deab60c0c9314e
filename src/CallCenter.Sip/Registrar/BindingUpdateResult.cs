namespace CallCenter.Sip.Registrar;

/// <summary>Outcome of applying a REGISTER to the store.</summary>
/// <param name="Accepted">False when the update was refused and nothing changed.</param>
/// <param name="StatusCode">The status to answer when refused.</param>
/// <param name="Reason">Why it was refused.</param>
/// <param name="Current">The AOR's live bindings after the update (returned in the 200, §10.3 step 8).</param>
public readonly record struct BindingUpdateResult(bool Accepted, int StatusCode, string? Reason, IReadOnlyList<Binding> Current)
{
    internal static BindingUpdateResult Ok(IReadOnlyList<Binding> current) => new(true, 200, null, current);

    internal static BindingUpdateResult Refused(int status, string reason, IReadOnlyList<Binding> current) => new(false, status, reason, current);
}
