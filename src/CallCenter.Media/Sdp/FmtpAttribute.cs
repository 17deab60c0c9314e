namespace CallCenter.Media.Sdp;

/// <summary>
/// a=fmtp:&lt;format&gt; &lt;parameters&gt; (RFC 4566 §6): format-specific parameters, e.g. "a=fmtp:101 0-16"
/// for the events a telephone-event payload carries (RFC 4733 §7.1.1). The parameters are kept as written.
/// </summary>
/// <param name="Format">The format (the payload type for RTP media) the parameters belong to.</param>
/// <param name="Parameters">Everything after the first space.</param>
public sealed record FmtpAttribute(string Format, string Parameters) : SdpAttribute
{
    /// <inheritdoc />
    public override string Name => "fmtp";

    /// <inheritdoc />
    public override string? Value => Format + " " + Parameters;
}
