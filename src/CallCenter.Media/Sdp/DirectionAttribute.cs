namespace CallCenter.Media.Sdp;

/// <summary>
/// a=sendrecv, a=sendonly, a=recvonly or a=inactive (RFC 4566 §6). At session level it is the default for
/// every media description; a media-level one overrides it (RFC 3264 §5.1).
/// </summary>
/// <param name="Direction">The direction the attribute names.</param>
public sealed record DirectionAttribute(SdpDirection Direction) : SdpAttribute
{
    /// <inheritdoc />
    public override string Name => Direction.ToAttributeName();

    /// <inheritdoc />
    public override string? Value => null;
}
