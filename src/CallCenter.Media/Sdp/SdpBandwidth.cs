using System.Globalization;

namespace CallCenter.Media.Sdp;

/// <summary>
/// A b= line (RFC 4566 §5.8), e.g. "AS:64" (kilobits per second) or "TIAS:64000" (bits per second, RFC 3890).
/// </summary>
/// <param name="Type">The bandwidth type token ("CT", "AS", "TIAS", "RS", "RR"…), kept as written.</param>
/// <param name="Value">The bandwidth, in the unit the type defines.</param>
public sealed record SdpBandwidth(string Type, ulong Value)
{
    /// <summary>The value of the b= line.</summary>
    public override string ToString() => Type + ":" + Value.ToString(CultureInfo.InvariantCulture);
}
