namespace CallCenter.Media.Transport;

/// <summary>
/// One RTP/RTCP port pair taken from an <see cref="RtpPortPool"/>. Disposing returns it to the pool; disposing
/// twice is harmless, so the pair can never be returned twice.
/// </summary>
public sealed class RtpPortLease : IDisposable
{
    private readonly RtpPortPool _pool;
    private int _released;

    internal RtpPortLease(RtpPortPool pool, int rtpPort)
    {
        _pool = pool;
        RtpPort = rtpPort;
    }

    /// <summary>The even RTP port.</summary>
    public int RtpPort { get; }

    /// <summary>The RTCP port: RTP port + 1 (RFC 3550 §11).</summary>
    public int RtcpPort => RtpPort + 1;

    /// <summary>True once the pair has been returned to the pool.</summary>
    public bool IsReleased => Volatile.Read(ref _released) != 0;

    /// <summary>Returns the pair to the pool.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _pool.Return(RtpPort);
        }
    }
}
