using System.Collections.Concurrent;
using System.Net;

namespace CallCenter.RtpProbe;

/// <summary>
/// The sources the talker speaks to: every address RTP came from (the server's RTP port of each call leg). The
/// receive thread reports what it hears; the talker takes new destinations from a queue and drops those that have
/// gone quiet (the call ended), so it never sends into ports the server has closed.
/// </summary>
public sealed class TalkDestinations
{
    private readonly Dictionary<SocketAddress, TalkDestination> _byAddress = new();
    private readonly ConcurrentQueue<TalkDestination> _added = new();
    private uint _nextSsrc = (uint)Random.Shared.Next();

    /// <summary>Receive thread: a datagram came from <paramref name="source"/> (a reused buffer) just now.</summary>
    public void Heard(SocketAddress source)
    {
        // The talker's own time base (Stopwatch), whatever clock stamped the datagram.
        long now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (_byAddress.TryGetValue(source, out var known) && !known.Expired)
        {
            known.LastHeard = now;
            return;
        }

        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
        var destination = new TalkDestination(copy, unchecked(_nextSsrc++), now);
        _byAddress[copy] = destination;
        _added.Enqueue(destination);
    }

    /// <summary>Talker thread: the destinations added since the last call.</summary>
    public bool TryTakeAdded(out TalkDestination destination) => _added.TryDequeue(out destination!);
}

/// <summary>One stream the talker sends: its destination and its own RTP numbering (RFC 3550 §5.1).</summary>
public sealed class TalkDestination(SocketAddress address, uint ssrc, long lastHeard)
{
    private long _lastHeard = lastHeard;
    private volatile bool _expired;

    /// <summary>Where the stream goes.</summary>
    public SocketAddress Address { get; } = address;

    /// <summary>The stream's SSRC.</summary>
    public uint Ssrc { get; } = ssrc;

    /// <summary>Next sequence number (the talker's only).</summary>
    public ushort Sequence { get; set; } = (ushort)Random.Shared.Next(ushort.MaxValue);

    /// <summary>Next RTP timestamp (the talker's only).</summary>
    public uint Timestamp { get; set; } = (uint)Random.Shared.Next();

    /// <summary>When the destination last sent us anything, in Stopwatch ticks.</summary>
    public long LastHeard
    {
        get => Volatile.Read(ref _lastHeard);
        set => Volatile.Write(ref _lastHeard, value);
    }

    /// <summary>Set by the talker when it dropped the destination; the receive thread then starts a new one if it hears it again.</summary>
    public bool Expired
    {
        get => _expired;
        set => _expired = value;
    }
}
