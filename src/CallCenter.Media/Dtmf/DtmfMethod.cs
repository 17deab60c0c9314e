namespace CallCenter.Media.Dtmf;

/// <summary>How a key press reached the server.</summary>
public enum DtmfMethod
{
    /// <summary>RTP telephone-event packets (RFC 4733, formerly RFC 2833).</summary>
    Rfc4733,

    /// <summary>A SIP INFO request carrying <c>application/dtmf-relay</c> or <c>application/dtmf</c>.</summary>
    SipInfo,

    /// <summary>Dual tones detected in the audio itself.</summary>
    InBand,
}
