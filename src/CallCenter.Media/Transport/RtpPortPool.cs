namespace CallCenter.Media.Transport;

/// <summary>
/// The RTP/RTCP port pairs of the configured range (even RTP port, RTCP on the next port, RFC 3550 §11).
/// Thread-safe. Pairs are handed out least recently used first, so a port just freed by one call is not given
/// straight to the next, where late packets of the old call would land.
/// </summary>
public sealed class RtpPortPool
{
    private readonly Lock _lock = new();
    private readonly Queue<int> _free;
    private readonly bool[] _inUse;
    private readonly int _firstRtpPort;

    /// <summary>Creates the pool over <see cref="MediaTransportOptions.PortMin"/>..<see cref="MediaTransportOptions.PortMax"/>.</summary>
    /// <exception cref="ArgumentException">The range is invalid or holds no pair.</exception>
    public RtpPortPool(MediaTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        PortMin = options.PortMin;
        PortMax = options.PortMax;
        _firstRtpPort = (PortMin + 1) & ~1;
        Capacity = ((PortMax - 1 - _firstRtpPort) / 2) + 1;
        _inUse = new bool[Capacity];
        _free = new Queue<int>(Capacity);
        for (int i = 0; i < Capacity; i++)
        {
            _free.Enqueue(_firstRtpPort + (2 * i));
        }
    }

    /// <summary>Lowest port of the range.</summary>
    public int PortMin { get; }

    /// <summary>Highest port of the range.</summary>
    public int PortMax { get; }

    /// <summary>Number of port pairs in the range.</summary>
    public int Capacity { get; }

    /// <summary>Pairs currently handed out.</summary>
    public int InUse
    {
        get
        {
            lock (_lock)
            {
                return Capacity - _free.Count;
            }
        }
    }

    /// <summary>Pairs free to hand out.</summary>
    public int Available
    {
        get
        {
            lock (_lock)
            {
                return _free.Count;
            }
        }
    }

    /// <summary>Takes a free pair; false when all are in use.</summary>
    public bool TryAllocate([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RtpPortLease? lease)
    {
        lock (_lock)
        {
            if (!_free.TryDequeue(out int port))
            {
                lease = null;
                return false;
            }

            _inUse[IndexOf(port)] = true;
            lease = new RtpPortLease(this, port);
            return true;
        }
    }

    /// <summary>Takes a free pair.</summary>
    /// <exception cref="RtpPortsExhaustedException">All pairs are in use.</exception>
    public RtpPortLease Allocate() =>
        TryAllocate(out var lease) ? lease : throw new RtpPortsExhaustedException(PortMin, PortMax, Capacity);

    /// <summary>Called by <see cref="RtpPortLease.Dispose"/> exactly once per lease.</summary>
    internal void Return(int rtpPort)
    {
        lock (_lock)
        {
            int index = IndexOf(rtpPort);
            if (!_inUse[index])
            {
                throw new InvalidOperationException($"RTP port {rtpPort} was returned to the pool but is not in use.");
            }

            _inUse[index] = false;
            _free.Enqueue(rtpPort);
        }
    }

    private int IndexOf(int rtpPort) => (rtpPort - _firstRtpPort) / 2;
}
