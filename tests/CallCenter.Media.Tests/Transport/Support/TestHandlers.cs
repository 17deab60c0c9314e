using CallCenter.Media.Rtcp;
using CallCenter.Media.Rtp;
using CallCenter.Media.Transport;

namespace CallCenter.Media.Tests.Transport.Support;

/// <summary>Tears down its own leg and the other one, as a bridged call ending does.</summary>
internal sealed class CrossDisposingHandler : IRtpEndpointHandler
{
    public RtpEndpoint? Other { get; set; }

    public void OnRtpPacket(RtpEndpoint endpoint, RtpPacket packet)
    {
        // A bridged call ending: either leg's event tears down both.
        Other?.Dispose();
        endpoint.Dispose();
    }

    public void OnRtcpPacket(RtpEndpoint endpoint, RtcpCompoundPacket compound)
    {
    }

    public void OnInactive(RtpEndpoint endpoint, TimeSpan silence)
    {
    }
}

/// <summary>Disposes its endpoint from inside the receive callback.</summary>
internal sealed class DisposingHandler : IRtpEndpointHandler
{
    public void OnRtpPacket(RtpEndpoint endpoint, RtpPacket packet) => endpoint.Dispose();

    public void OnRtcpPacket(RtpEndpoint endpoint, RtcpCompoundPacket compound)
    {
    }

    public void OnInactive(RtpEndpoint endpoint, TimeSpan silence)
    {
    }
}

/// <summary>Counts callbacks that arrive after the test marked the endpoint disposed.</summary>
internal sealed class CountingAfterDisposeHandler : IRtpEndpointHandler
{
    public int Calls;
    public volatile bool Disposed;
    public int CallsAfterDispose;

    public void OnRtpPacket(RtpEndpoint endpoint, RtpPacket packet)
    {
        Interlocked.Increment(ref Calls);
        if (Disposed)
        {
            Interlocked.Increment(ref CallsAfterDispose);
        }
    }

    public void OnRtcpPacket(RtpEndpoint endpoint, RtcpCompoundPacket compound)
    {
    }

    public void OnInactive(RtpEndpoint endpoint, TimeSpan silence)
    {
    }
}

/// <summary>
/// Reads the receive thread's allocation counter at two packet counts: everything between, from the socket read
/// to this callback, must allocate nothing.
/// </summary>
internal sealed class AllocationProbe(int firstMark, int secondMark) : IRtpEndpointHandler
{
    public long AllocatedBetweenMarks = -1;
    private int _packets;
    private long _atFirstMark;

    public void OnRtpPacket(RtpEndpoint endpoint, RtpPacket packet)
    {
        int count = ++_packets;
        if (count == firstMark)
        {
            _atFirstMark = GC.GetAllocatedBytesForCurrentThread();
        }
        else if (count == secondMark)
        {
            Volatile.Write(ref AllocatedBetweenMarks, GC.GetAllocatedBytesForCurrentThread() - _atFirstMark);
        }
    }

    public void OnRtcpPacket(RtpEndpoint endpoint, RtcpCompoundPacket compound)
    {
    }

    public void OnInactive(RtpEndpoint endpoint, TimeSpan silence)
    {
    }
}
