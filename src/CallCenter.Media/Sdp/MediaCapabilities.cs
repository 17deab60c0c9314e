namespace CallCenter.Media.Sdp;

/// <summary>
/// What our media layer can do and how we name ourselves in SDP. The defaults are the server's:
/// PCMU then PCMA, telephone-event 0-16 offered as payload type 101, 20 ms packets.
/// </summary>
public sealed record MediaCapabilities
{
    /// <summary>The codecs we accept, most preferred first (the order of our offers).</summary>
    public IReadOnlyList<AudioCodec> Codecs { get; init; } = [AudioCodec.Pcmu, AudioCodec.Pcma];

    /// <summary>The telephone-events we handle (RFC 4733); empty to neither offer nor accept telephone-event.</summary>
    public TelephoneEventSet TelephoneEvents { get; init; } = TelephoneEventSet.DtmfAndFlash;

    /// <summary>The dynamic payload type of telephone-event in our offers (answers use the peer's).</summary>
    public int TelephoneEventPayloadType { get; init; } = 101;

    /// <summary>The packet time we ask for (a=ptime) and send with when the peer states none.</summary>
    public int PacketTimeMilliseconds { get; init; } = 20;

    /// <summary>The o= user name; "-" as RFC 4566 §5.2 suggests when there is no login to give.</summary>
    public string OriginUserName { get; init; } = "-";

    /// <summary>The s= line.</summary>
    public string SessionName { get; init; } = "CallCenter";
}
