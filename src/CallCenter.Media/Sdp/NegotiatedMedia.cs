using System.Net;

namespace CallCenter.Media.Sdp;

/// <summary>
/// The outcome of offer/answer for the call's audio stream: what the RTP layer sends, where, and how.
/// Remote endpoints are <see cref="IPEndPoint"/>s for IP literals and <see cref="DnsEndPoint"/>s for domain
/// names, which the caller resolves.
/// </summary>
public sealed record NegotiatedMedia
{
    /// <summary>Which m= line (0-based) carries the audio.</summary>
    public required int MediaIndex { get; init; }

    /// <summary>Where to send RTP: the peer's c= address and m= port (0.0.0.0 when the peer holds the RFC 2543 way).</summary>
    public required EndPoint RemoteRtp { get; init; }

    /// <summary>Where to send RTCP: a=rtcp when given (RFC 3605), else the RTP port + 1 (RFC 3550 §11); null when the RTP port is 65535 and none was given.</summary>
    public EndPoint? RemoteRtcp { get; init; }

    /// <summary>The payload type of the audio codec in the RTP we send.</summary>
    public required int PayloadType { get; init; }

    /// <summary>The codec's encoding name, e.g. "PCMU".</summary>
    public required string CodecName { get; init; }

    /// <summary>The codec's RTP clock rate in Hz.</summary>
    public required int ClockRate { get; init; }

    /// <summary>The payload type of telephone-event (RFC 4733), or null when DTMF events were not agreed.</summary>
    public int? TelephoneEventPayloadType { get; init; }

    /// <summary>The telephone-events both sides handle; empty when none were agreed.</summary>
    public TelephoneEventSet TelephoneEvents { get; init; }

    /// <summary>The packet time to send with: the peer's a=ptime, else our default, capped by its a=maxptime.</summary>
    public required int PacketTimeMilliseconds { get; init; }

    /// <summary>The peer's a=ptime, or null when it gave none.</summary>
    public int? RemotePacketTimeMilliseconds { get; init; }

    /// <summary>Our direction: whether we may send and whether we should expect to receive.</summary>
    public required SdpDirection Direction { get; init; }

    /// <summary>True when the peer does not want our media: it holds the call (a=sendonly, a=inactive or c=0.0.0.0).</summary>
    public bool IsHeldByPeer { get; init; }

    /// <summary>How the hold state changed since <paramref name="previous"/> (null for the first exchange of the call).</summary>
    public HoldTransition HoldChangeSince(NegotiatedMedia? previous) => (previous?.IsHeldByPeer ?? false, IsHeldByPeer) switch
    {
        (false, true) => HoldTransition.Held,
        (true, false) => HoldTransition.Resumed,
        _ => HoldTransition.None,
    };
}
