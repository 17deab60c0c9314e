namespace CallCenter.Media.Sdp;

/// <summary>
/// The direction of a media stream as seen by the side that wrote the description
/// (RFC 4566 §6, RFC 3264 §5.1): a=sendrecv, a=sendonly, a=recvonly or a=inactive.
/// </summary>
public enum SdpDirection
{
    /// <summary>The writer sends and receives (the default when no direction attribute is present).</summary>
    SendRecv,

    /// <summary>The writer only sends (it holds the other side, RFC 3264 §8.4).</summary>
    SendOnly,

    /// <summary>The writer only receives.</summary>
    RecvOnly,

    /// <summary>Neither side sends media; RTCP continues.</summary>
    Inactive,
}

/// <summary>Operations on <see cref="SdpDirection"/> used by offer/answer.</summary>
public static class SdpDirectionExtensions
{
    /// <summary>True for sendrecv and sendonly.</summary>
    public static bool CanSend(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.SendOnly;

    /// <summary>True for sendrecv and recvonly.</summary>
    public static bool CanReceive(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    /// <summary>The same stream seen from the other side: sendonly becomes recvonly and back.</summary>
    public static SdpDirection Reverse(this SdpDirection direction) => From(direction.CanReceive(), direction.CanSend());

    /// <summary>What both directions allow: sending only if both send, receiving only if both receive.</summary>
    public static SdpDirection Intersect(this SdpDirection direction, SdpDirection other) =>
        From(direction.CanSend() && other.CanSend(), direction.CanReceive() && other.CanReceive());

    /// <summary>The direction that sends when <paramref name="send"/> and receives when <paramref name="receive"/>.</summary>
    public static SdpDirection From(bool send, bool receive) => (send, receive) switch
    {
        (true, true) => SdpDirection.SendRecv,
        (true, false) => SdpDirection.SendOnly,
        (false, true) => SdpDirection.RecvOnly,
        _ => SdpDirection.Inactive,
    };

    /// <summary>The attribute name: "sendrecv", "sendonly", "recvonly" or "inactive".</summary>
    public static string ToAttributeName(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>Reads a direction attribute name, ignoring ASCII case.</summary>
    public static bool TryParseAttributeName(string name, out SdpDirection direction)
    {
        foreach (var candidate in (ReadOnlySpan<SdpDirection>)[SdpDirection.SendRecv, SdpDirection.SendOnly, SdpDirection.RecvOnly, SdpDirection.Inactive])
        {
            if (string.Equals(name, candidate.ToAttributeName(), StringComparison.OrdinalIgnoreCase))
            {
                direction = candidate;
                return true;
            }
        }

        direction = SdpDirection.SendRecv;
        return false;
    }
}
