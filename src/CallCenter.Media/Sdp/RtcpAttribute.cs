using System.Globalization;

namespace CallCenter.Media.Sdp;

/// <summary>
/// a=rtcp:&lt;port&gt; [IN &lt;addrtype&gt; &lt;address&gt;] (RFC 3605 §2.1): where the writer receives RTCP when it is not
/// the RTP port plus one (RFC 3550 §11), typically because a NAT chose the ports.
/// </summary>
/// <param name="Port">1-65535.</param>
/// <param name="Connection">The RTCP address when it differs from the media's c= address.</param>
public sealed record RtcpAttribute(int Port, SdpConnection? Connection = null) : SdpAttribute
{
    /// <inheritdoc />
    public override string Name => "rtcp";

    /// <inheritdoc />
    public override string? Value => Connection is null
        ? Port.ToString(CultureInfo.InvariantCulture)
        : Port.ToString(CultureInfo.InvariantCulture) + " " + Connection;
}
