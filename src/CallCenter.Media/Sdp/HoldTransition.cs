namespace CallCenter.Media.Sdp;

/// <summary>How an offer/answer exchange changed whether the peer holds the call (RFC 3264 §8.4).</summary>
public enum HoldTransition
{
    /// <summary>No change.</summary>
    None,

    /// <summary>The peer put the call on hold (a=sendonly, a=inactive or c=0.0.0.0).</summary>
    Held,

    /// <summary>The peer took the call off hold.</summary>
    Resumed,
}
