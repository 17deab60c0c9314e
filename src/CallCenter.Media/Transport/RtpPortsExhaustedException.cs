namespace CallCenter.Media.Transport;

/// <summary>Every RTP/RTCP port pair of the configured range is in use: no media can be set up for another call leg.</summary>
public sealed class RtpPortsExhaustedException : InvalidOperationException
{
    /// <summary>Creates the exception for a range of <paramref name="pairCount"/> pairs.</summary>
    public RtpPortsExhaustedException(int portMin, int portMax, int pairCount)
        : base($"All {pairCount} RTP port pairs in {portMin}-{portMax} are in use; widen Media:PortMin/PortMax or lower the call limit.")
    {
        PortMin = portMin;
        PortMax = portMax;
        PairCount = pairCount;
    }

    /// <summary>Lowest port of the range.</summary>
    public int PortMin { get; }

    /// <summary>Highest port of the range.</summary>
    public int PortMax { get; }

    /// <summary>Number of RTP/RTCP pairs in the range.</summary>
    public int PairCount { get; }
}
