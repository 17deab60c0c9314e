namespace CallCenter.Sip.Registrar;

/// <summary>What happened to an address-of-record's bindings.</summary>
public enum BindingChangeKind
{
    /// <summary>The AOR went from no bindings to at least one.</summary>
    Registered,

    /// <summary>The AOR lost its last binding (un-register or expiry).</summary>
    Unregistered,
}

/// <summary>An AOR became reachable or unreachable; routing listens to these.</summary>
public readonly record struct BindingChange(string Aor, BindingChangeKind Kind, DateTimeOffset At);
