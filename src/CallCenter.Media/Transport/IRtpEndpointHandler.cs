using CallCenter.Media.Rtcp;
using CallCenter.Media.Rtp;

namespace CallCenter.Media.Transport;

/// <summary>
/// Receives what an <see cref="RtpEndpoint"/> accepts. RTP and RTCP callbacks run on a shared receive thread that
/// serves many calls: they must return quickly and never block (copy the payload into a jitter buffer, relay it,
/// decode a digit; do I/O elsewhere). The packets are views into a reused buffer, valid only during the call.
/// An exception thrown by a callback is caught, counted and logged, and the thread carries on.
/// </summary>
public interface IRtpEndpointHandler
{
    /// <summary>An RTP packet from the latched source with a negotiated payload type.</summary>
    void OnRtpPacket(RtpEndpoint endpoint, RtpPacket packet);

    /// <summary>A valid compound RTCP packet from the peer.</summary>
    void OnRtcpPacket(RtpEndpoint endpoint, RtcpCompoundPacket compound);

    /// <summary>
    /// No RTP has been accepted for <paramref name="silence"/> (at least the endpoint's inactivity timeout). Raised
    /// once per silent period, on a timer thread; raised again only after RTP has resumed and stopped again.
    /// </summary>
    void OnInactive(RtpEndpoint endpoint, TimeSpan silence);
}
