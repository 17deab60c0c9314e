using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Registrar;

/// <summary>
/// One registered contact of an address-of-record (RFC 3261 §10.3). <see cref="Source"/> is where the
/// REGISTER really came from: requests to this contact go there, so softphones behind NAT are reachable.
/// </summary>
/// <param name="Aor">The address-of-record key: the user part of the To URI (an agent's extension).</param>
/// <param name="Contact">The Contact URI exactly as registered.</param>
/// <param name="CallId">Call-ID of the REGISTER that created or last refreshed it.</param>
/// <param name="CSeq">CSeq number of that REGISTER (§10.3 step 7 ordering).</param>
/// <param name="Expires">When the binding lapses.</param>
/// <param name="Q">Preference 0–1 from the q parameter (1 when absent).</param>
/// <param name="Source">The hop the REGISTER arrived on.</param>
/// <param name="UserAgent">User-Agent of the registering device, for operators.</param>
/// <param name="RegisteredAt">When this contact was first bound.</param>
public sealed record Binding(
    string Aor,
    string Contact,
    string CallId,
    long CSeq,
    DateTimeOffset Expires,
    double Q,
    SipRemote Source,
    string? UserAgent,
    DateTimeOffset RegisteredAt);
