using System.Net.Sockets;

namespace CallCenter.Media.Transport;

/// <summary>One socket watched by a <see cref="MediaReceiveLoop"/>: which endpoint it belongs to and whether it is RTCP.</summary>
internal sealed class ReceiveRegistration(Socket socket, RtpEndpoint endpoint, bool isRtcp, long token)
{
    public Socket Socket { get; } = socket;

    public RtpEndpoint Endpoint { get; } = endpoint;

    public bool IsRtcp { get; } = isRtcp;

    /// <summary>Slot index in the low 32 bits and the slot's generation in the high 32, so a stale event is recognised.</summary>
    public long Token { get; } = token;
}
