namespace CallCenter.Media.Sdp;

/// <summary>The SDP-related warning codes of RFC 3261 §20.43.</summary>
public enum SdpWarningCode
{
    /// <summary>300: none of the network protocols offered is available.</summary>
    IncompatibleNetworkProtocol = 300,

    /// <summary>301: none of the network address formats (e.g. IP4 or IP6) offered is available.</summary>
    IncompatibleNetworkAddressFormats = 301,

    /// <summary>302: none of the transport protocols offered is available.</summary>
    IncompatibleTransportProtocol = 302,

    /// <summary>303: none of the bandwidth measures offered is understood.</summary>
    IncompatibleBandwidthUnits = 303,

    /// <summary>304: none of the media types offered is available.</summary>
    MediaTypeNotAvailable = 304,

    /// <summary>305: none of the media formats offered is available.</summary>
    IncompatibleMediaFormat = 305,

    /// <summary>306: an attribute in the offer is not supported.</summary>
    AttributeNotUnderstood = 306,

    /// <summary>307: a parameter other than those above was not understood.</summary>
    SessionDescriptionParameterNotUnderstood = 307,
}

/// <summary>
/// Why we cannot answer an offer. The SIP layer refuses the INVITE with <see cref="StatusCode"/> 488 Not
/// Acceptable Here and a Warning header field (RFC 3261 §13.3.1.3, §21.4.26) built by <see cref="ToWarningHeaderValue"/>.
/// </summary>
/// <param name="Warning">The warning code.</param>
/// <param name="Detail">A longer explanation for the log, e.g. which formats were offered.</param>
public sealed record SdpRejection(SdpWarningCode Warning, string Detail)
{
    /// <summary>488 Not Acceptable Here.</summary>
    public int StatusCode => 488;

    /// <summary>The three-digit warn-code.</summary>
    public int WarningCode => (int)Warning;

    /// <summary>The warn-text RFC 3261 §20.43 gives for the code, e.g. "Incompatible media format".</summary>
    public string WarningText => Warning switch
    {
        SdpWarningCode.IncompatibleNetworkProtocol => "Incompatible network protocol",
        SdpWarningCode.IncompatibleNetworkAddressFormats => "Incompatible network address formats",
        SdpWarningCode.IncompatibleTransportProtocol => "Incompatible transport protocol",
        SdpWarningCode.IncompatibleBandwidthUnits => "Incompatible bandwidth units",
        SdpWarningCode.MediaTypeNotAvailable => "Media type not available",
        SdpWarningCode.IncompatibleMediaFormat => "Incompatible media format",
        SdpWarningCode.AttributeNotUnderstood => "Attribute not understood",
        _ => "Session description parameter not understood",
    };

    /// <summary>The Warning header field value: warn-code SP warn-agent SP quoted warn-text (RFC 3261 §20.43, §25.1).</summary>
    public string ToWarningHeaderValue(string warnAgent) => $"{WarningCode} {warnAgent} \"{WarningText}\"";
}
