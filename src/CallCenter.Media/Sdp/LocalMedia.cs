using System.Net;

namespace CallCenter.Media.Sdp;

/// <summary>
/// Our side of one call's media: where we receive RTP and the o= identity of our descriptions.
/// </summary>
/// <param name="Address">The address we receive on (also written in o= and c=).</param>
/// <param name="RtpPort">The RTP port, 1-65535 (even, RFC 3550 §11).</param>
/// <param name="SessionId">The o= session id; stays for the life of the call.</param>
/// <param name="SessionVersion">The o= version of a first description. Re-offers and re-answers take their version from the previous description instead (RFC 3264 §8).</param>
public sealed record LocalMedia(IPAddress Address, int RtpPort, ulong SessionId, ulong SessionVersion)
{
    /// <summary>The direction we want: sendrecv normally, sendonly to hold the peer (RFC 3264 §8.4), inactive to stop media.</summary>
    public SdpDirection Direction { get; init; } = SdpDirection.SendRecv;

    /// <summary>Our RTCP port when it is not <see cref="RtpPort"/> + 1; written as a=rtcp (RFC 3605).</summary>
    public int? RtcpPort { get; init; }
}
