using System.Net;
using System.Net.Sockets;
using CallCenter.Media.Rtp;

namespace CallCenter.Media.Transport;

/// <summary>
/// Symmetric RTP (RFC 4961: a leg sends from the address it receives on, so media is sent back to where the peer's
/// packets really come from, which crosses NATs that rewrite the SDP address). Decides, packet by packet, which
/// source address the stream is latched to, without letting a third party take it over:
/// <list type="bullet">
/// <item>only packets of a negotiated payload type count;</item>
/// <item>a packet from the SDP address latches at once; another address must first send
/// <c>confirmPackets</c> packets in sequence with one SSRC;</item>
/// <item>once latched, the same SSRC continuing in sequence from a new address (a NAT rebinding) re-latches at
/// once, but a different SSRC may take over only after the latched source has been silent for
/// <c>relatchAfter</c>. A flood from elsewhere therefore cannot steal an active stream.</item>
/// </list>
/// Not thread-safe: the endpoint calls it under its receive lock.
/// </summary>
internal sealed class SymmetricRtpLatch
{
    /// <summary>Largest sequence step still taken as continuity (allows a few lost packets).</summary>
    private const int MaxContinuityGap = 50;

    private readonly int _confirmPackets;
    private readonly long _relatchAfter;
    private readonly SocketAddress _candidate;
    private SocketAddress? _advertised;
    private RtpPayloadTypeSet _payloadTypes;
    private uint _latchedSsrc;
    private ushort _latchedSequence;
    private long _latchedLastArrival;
    private bool _hasCandidate;
    private uint _candidateSsrc;
    private ushort _candidateSequence;
    private int _candidateCount;

    /// <param name="family">Address family of the socket the packets arrive on.</param>
    /// <param name="confirmPackets">Packets in sequence a non-SDP source must send before it is latched.</param>
    /// <param name="relatchAfter">Silence of the latched source, in timestamp ticks, before another SSRC may take over.</param>
    public SymmetricRtpLatch(AddressFamily family, int confirmPackets, long relatchAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(confirmPackets, 1);
        _confirmPackets = confirmPackets;
        _relatchAfter = relatchAfter;
        _candidate = new SocketAddress(family, SocketAddress.GetMaximumAddressSize(family));
    }

    /// <summary>The address RTP is latched to; null before the first latch. A new instance on every latch.</summary>
    public SocketAddress? Latched { get; private set; }

    /// <summary>SSRC of the latest packet accepted from the latched source.</summary>
    public uint LatchedSsrc => _latchedSsrc;

    /// <summary>
    /// Applies a new SDP address and payload type set. A changed address forgets the latch and starts over (the
    /// peer moved its media); the same address keeps it, so a session refresh does not disturb a NATed peer.
    /// </summary>
    public void Configure(SocketAddress? advertised, RtpPayloadTypeSet payloadTypes)
    {
        _payloadTypes = payloadTypes;
        if (Equals(advertised, _advertised))
        {
            return;
        }

        _advertised = advertised;
        Latched = null;
        _hasCandidate = false;
    }

    /// <summary>Decides about one packet arriving at <paramref name="now"/> from <paramref name="source"/>.</summary>
    /// <param name="source">The packet's source address; may be a reused buffer (it is copied when kept).</param>
    /// <param name="payloadType">The packet's payload type.</param>
    /// <param name="ssrc">The packet's SSRC.</param>
    /// <param name="sequence">The packet's sequence number.</param>
    /// <param name="now">Arrival time, in <see cref="TimeProvider.GetTimestamp"/> ticks.</param>
    public RtpLatchVerdict Evaluate(SocketAddress source, byte payloadType, uint ssrc, ushort sequence, long now)
    {
        if (!_payloadTypes.Contains(payloadType))
        {
            return RtpLatchVerdict.UnexpectedPayloadType;
        }

        if (Latched is not null && Latched.Equals(source))
        {
            Remember(ssrc, sequence, now);
            return RtpLatchVerdict.Accepted;
        }

        if (Latched is null ? _advertised is not null && _advertised.Equals(source) : IsRebinding(ssrc, sequence))
        {
            return LatchTo(source, ssrc, sequence, now);
        }

        bool mayTakeOver = Latched is null || now - _latchedLastArrival >= _relatchAfter;
        return mayTakeOver && ConfirmCandidate(source, ssrc, sequence)
            ? LatchTo(source, ssrc, sequence, now)
            : RtpLatchVerdict.OtherSource;
    }

    private bool IsRebinding(uint ssrc, ushort sequence) =>
        ssrc == _latchedSsrc && IsContinuation(_latchedSequence, sequence);

    private static bool IsContinuation(ushort previous, ushort next)
    {
        int step = unchecked((ushort)(next - previous));
        return step is >= 1 and <= MaxContinuityGap;
    }

    /// <summary>Counts the source towards the confirmation threshold; true when it is reached.</summary>
    private bool ConfirmCandidate(SocketAddress source, uint ssrc, ushort sequence)
    {
        bool continues = _hasCandidate && _candidate.Equals(source) && _candidateSsrc == ssrc
            && IsContinuation(_candidateSequence, sequence);
        if (!continues)
        {
            _candidate.Size = source.Size;
            source.Buffer.Span[..source.Size].CopyTo(_candidate.Buffer.Span);
            _hasCandidate = true;
            _candidateSsrc = ssrc;
            _candidateCount = 0;
        }

        _candidateSequence = sequence;
        _candidateCount++;
        return _candidateCount >= _confirmPackets;
    }

    private RtpLatchVerdict LatchTo(SocketAddress source, uint ssrc, ushort sequence, long now)
    {
        var latched = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(latched.Buffer.Span);
        Latched = latched;
        _hasCandidate = false;
        Remember(ssrc, sequence, now);
        return RtpLatchVerdict.Latched;
    }

    private void Remember(uint ssrc, ushort sequence, long now)
    {
        _latchedSsrc = ssrc;
        _latchedSequence = sequence;
        _latchedLastArrival = now;
    }
}
