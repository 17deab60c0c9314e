using CallCenter.Sip.Message;

namespace CallCenter.Sip.Core;

/// <summary>
/// What our UAS core implements, as <see cref="UasRequestChecks"/> needs to know it: the methods it handles, the
/// SIP extensions (option tags) it supports and the body types it understands. Immutable once built.
/// </summary>
public sealed class UasCapabilities
{
    /// <summary>The methods the call-centre server handles as a UAS.</summary>
    public static IReadOnlyList<string> DefaultAllowedMethods { get; } =
    [
        SipMethods.Invite, SipMethods.Ack, SipMethods.Cancel, SipMethods.Bye,
        SipMethods.Options, SipMethods.Register, SipMethods.Info, SipMethods.Update,
    ];

    /// <summary>
    /// Single-part body types we understand: SDP (RFC 3264 offer/answer) and the two DTMF-over-INFO formats
    /// (application/dtmf-relay, application/dtmf) that phones and gateways send.
    /// </summary>
    public static IReadOnlyList<string> DefaultAcceptedContentTypes { get; } =
        ["application/sdp", "application/dtmf-relay", "application/dtmf"];

    /// <summary>The capabilities with every default.</summary>
    public static UasCapabilities Default { get; } = new();

    /// <summary>Methods answered normally; a recognised method outside this list gets 405, an unknown one 501.</summary>
    public IReadOnlyList<string> AllowedMethods { get; init; } = DefaultAllowedMethods;

    /// <summary>
    /// Option tags (RFC 3261 §19.2) we implement, compared ignoring case (tokens, §7.3.1). By default only "timer"
    /// (RFC 4028 session timers, which the core runs on every dialog): a tag belongs here only once the feature
    /// behind it works, because a peer that sends Require trusts us to honour it. "replaces" and "100rel" are not
    /// claimed until the dialog layer implements them.
    /// </summary>
    public IReadOnlyList<string> SupportedExtensions { get; init; } = [SessionTimers.SessionTimerNegotiation.OptionTag];

    /// <summary>
    /// Single-part media types we accept (type/subtype, any case). A multipart/mixed body is accepted when one
    /// of its parts is application/sdp, the shape SIP-T and some gateways use.
    /// </summary>
    public IReadOnlyList<string> AcceptedContentTypes { get; init; } = DefaultAcceptedContentTypes;

    /// <summary>The warn-agent (a host name or a token, §20.43) we put in Warning header fields.</summary>
    public string WarningAgent { get; init; } = "callcenter";

    /// <summary>Value for an Allow header field (§20.5).</summary>
    public string AllowHeaderValue => string.Join(", ", AllowedMethods);

    /// <summary>Value for a Supported header field (§20.37): the option tags we implement.</summary>
    public string SupportedHeaderValue => string.Join(", ", SupportedExtensions);

    /// <summary>Value for the Accept header field of a 415 (§8.2.3): every type we accept, multipart included.</summary>
    public string AcceptHeaderValue => string.Join(", ", AcceptedContentTypes.Append(MultipartMixed));

    internal const string MultipartMixed = "multipart/mixed";

    /// <summary>True when <paramref name="method"/> (case-sensitive, §7.1) is one we handle.</summary>
    public bool IsAllowed(string method) => AllowedMethods.Contains(method, StringComparer.Ordinal);

    /// <summary>True when we implement the extension named by <paramref name="optionTag"/>.</summary>
    public bool IsSupported(string optionTag) => SupportedExtensions.Contains(optionTag, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when a single-part body of this media type (type/subtype, no parameters) is understood.</summary>
    public bool Accepts(string mediaType) => AcceptedContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
}
