using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Media.Dtmf;

/// <summary>
/// Turns the telephone-event packets of one call (RFC 4733) into key presses, each reported exactly once,
/// when it ends, with its duration and volume.
/// <para>
/// An event is identified by SSRC, RTP timestamp and event code (§2.2.1: every packet of an event carries
/// the event's start timestamp) and located in time by the arrival of its packets. So:
/// updates and the three end packets (§2.5.1.4) of one press, and duplicates of them, are one press;
/// a press whose first packets were lost is still reported from any later packet; a change of SSRC
/// (sipp's <c>play_dtmf</c> uses its own) simply starts new events; and a sender that reuses the same
/// SSRC and timestamp for every press (sipp's shipped pcaps) still gets a repeated key counted again once
/// the previous press has been quiet for <see cref="Rfc4733ReceiverOptions.DuplicateWindow"/>.
/// </para>
/// Thread-safe: packets and <see cref="Poll"/> may come from different threads.
/// </summary>
public sealed class Rfc4733Receiver
{
    private readonly object _gate = new();
    private readonly int _clockRate;
    private readonly Rfc4733ReceiverOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LinkedList<TelephoneEventTrack> _finished = new();
    private TelephoneEventTrack? _active;
    private Rfc4733ReceiverStatistics _stats;

    /// <summary>Creates a receiver for one telephone-event stream.</summary>
    /// <param name="clockRate">RTP clock rate of the negotiated <c>telephone-event</c> format (8000 with G.711).</param>
    /// <param name="options">Tunables; defaults when null.</param>
    /// <param name="time">Clock used by <see cref="Poll"/> to close stuck events.</param>
    /// <param name="logger">Debug diagnostics (lost start and end packets, malformed payloads).</param>
    public Rfc4733Receiver(int clockRate = 8000, Rfc4733ReceiverOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clockRate, 1000);
        _options = options ?? new Rfc4733ReceiverOptions();
        _options.Validate();
        _clockRate = clockRate;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Counters so far.</summary>
    public Rfc4733ReceiverStatistics Statistics
    {
        get
        {
            lock (_gate)
            {
                return _stats;
            }
        }
    }

    /// <summary>The key currently held down, if a press is in progress (for barge-in over prompts).</summary>
    public char? ActiveDigit
    {
        get
        {
            lock (_gate)
            {
                return _active is { } active && DtmfDigits.TryFromEventCode(active.EventCode, out var digit) ? digit : null;
            }
        }
    }

    /// <summary>
    /// Takes in one telephone-event RTP packet and returns the presses it completes (usually none or one).
    /// A malformed payload is counted and ignored.
    /// </summary>
    /// <param name="ssrc">RTP SSRC.</param>
    /// <param name="sequenceNumber">RTP sequence number (diagnostics only: some senders repeat it).</param>
    /// <param name="timestamp">RTP timestamp: the start of the (first) event in the packet.</param>
    /// <param name="marker">RTP marker bit: set on the first packet of an event (§2.2.2).</param>
    /// <param name="payload">The RTP payload.</param>
    /// <param name="arrival">When the packet arrived.</param>
    public IReadOnlyList<DtmfEvent> Receive(uint ssrc, ushort sequenceNumber, uint timestamp, bool marker, ReadOnlySpan<byte> payload, DateTimeOffset arrival)
    {
        lock (_gate)
        {
            _stats = _stats with { Packets = _stats.Packets + 1 };
            if (!TelephoneEventPayload.TryCount(payload, out var count, out var error))
            {
                _stats = _stats with { MalformedPackets = _stats.MalformedPackets + 1 };
                DtmfLog.Malformed(_logger, ssrc, sequenceNumber, error);
                return [];
            }

            List<DtmfEvent>? completed = null;
            var blockTimestamp = timestamp;
            for (var i = 0; i < count; i++)
            {
                TelephoneEvent.TryRead(payload[(i * TelephoneEvent.Size)..], out var block);
                var packet = new PacketContext(ssrc, sequenceNumber, blockTimestamp, StartsHere: i > 0 || marker, arrival);
                Process(packet, block, ref completed);
                // §2.5.1.5: packed events follow one another; each starts where the previous one ended.
                blockTimestamp = unchecked(blockTimestamp + block.Duration);
            }

            return completed ?? (IReadOnlyList<DtmfEvent>)[];
        }
    }

    /// <summary>
    /// Closes a press whose packets stopped without an end packet for <see cref="Rfc4733ReceiverOptions.StuckEventTimeout"/>
    /// (the end packets were all lost). Call it on the media tick; returns the press it closed, if any.
    /// </summary>
    public IReadOnlyList<DtmfEvent> Poll()
    {
        lock (_gate)
        {
            if (_active is not { } active || _time.GetUtcNow() - active.LastArrival < _options.StuckEventTimeout)
            {
                return [];
            }

            List<DtmfEvent>? completed = null;
            CloseWithoutEnd(active, "no packet within the timeout", ref completed);
            return completed!;
        }
    }

    /// <summary>Closes the press in progress, if any (end of call); returns it.</summary>
    public IReadOnlyList<DtmfEvent> Flush()
    {
        lock (_gate)
        {
            List<DtmfEvent>? completed = null;
            if (_active is { } active)
            {
                CloseWithoutEnd(active, "stream ended", ref completed);
            }

            return completed ?? (IReadOnlyList<DtmfEvent>)[];
        }
    }

    private void Process(in PacketContext packet, in TelephoneEvent block, ref List<DtmfEvent>? completed)
    {
        if (!block.IsDtmf)
        {
            _stats = _stats with { IgnoredBlocks = _stats.IgnoredBlocks + 1 };
            return;
        }

        if (_active is { } active && active.Matches(packet.Ssrc, packet.Timestamp, block.EventCode))
        {
            if (!IsRestartOf(active, block, packet.Arrival))
            {
                active.Update(block, packet.Arrival);
                if (block.End)
                {
                    Finish(active, ref completed);
                }

                return;
            }
        }
        else if (FindFinished(packet.Ssrc, packet.Timestamp, block.EventCode) is { } finished)
        {
            if (IsRetransmissionOf(finished, block, packet.Arrival))
            {
                finished.Touch(packet.Arrival);
                _stats = _stats with { DuplicateBlocks = _stats.DuplicateBlocks + 1 };
                return;
            }
        }
        else if (_active is { } running && running.IsContinuedBy(packet.Ssrc, packet.Timestamp, block.EventCode))
        {
            running.StartNextSegment(packet.Timestamp, block, packet.Arrival);
            if (block.End)
            {
                Finish(running, ref completed);
            }

            return;
        }

        if (IsStragglerBefore(_active, packet))
        {
            ReportStraggler(packet, block, ref completed);
            return;
        }

        Start(packet, block, ref completed);
    }

    /// <summary>
    /// A packet of an unknown event that began before the running one (RTP timestamps order the events of
    /// one source, §2.2.1) and arrives soon after the running one started was overtaken in the network; it
    /// must not cut the running press short.
    /// </summary>
    private bool IsStragglerBefore(TelephoneEventTrack? active, in PacketContext packet) =>
        active is not null
        && active.Ssrc == packet.Ssrc
        && unchecked((int)(packet.Timestamp - active.Timestamp)) < 0
        && packet.Arrival - active.FirstArrival <= _options.DuplicateWindow;

    /// <summary>Reports an overtaken press at once, so presses still come out in the order they were made.</summary>
    private void ReportStraggler(in PacketContext packet, in TelephoneEvent block, ref List<DtmfEvent>? completed)
    {
        var track = new TelephoneEventTrack(packet.Ssrc, packet.Timestamp, block, packet.Arrival, _clockRate);
        CountLostStart(packet, block);
        if (block.End)
        {
            Finish(track, ref completed);
        }
        else
        {
            CloseWithoutEnd(track, "overtaken by a later event", ref completed);
        }
    }

    /// <summary>
    /// A packet of the running event's identity that arrives after a silence longer than the duplicate
    /// window with a shorter duration than already seen is the same key pressed again by a sender that
    /// reuses timestamps, whose end packets of the earlier press were all lost.
    /// </summary>
    private bool IsRestartOf(TelephoneEventTrack active, in TelephoneEvent block, DateTimeOffset arrival) =>
        arrival - active.LastArrival > _options.DuplicateWindow && block.Duration < active.MaxDuration;

    /// <summary>
    /// Within the duplicate window every packet of a finished event's identity is a copy (§2.5.1.4 end
    /// retransmissions, reordered updates, network duplicates). After it, a late packet still belongs to the
    /// finished press when it cannot be the start of another: an end packet repeating the final duration,
    /// or, for a press closed without its end (timeout), any packet whose duration carries on from what was
    /// seen (the stream stalled and resumed). Anything else is a new press reusing the timestamp.
    /// </summary>
    private bool IsRetransmissionOf(TelephoneEventTrack finished, in TelephoneEvent block, DateTimeOffset arrival) =>
        arrival - finished.LastArrival <= _options.DuplicateWindow
        || (block.End && block.Duration == finished.MaxDuration)
        || (finished.ClosedWithoutEnd && block.Duration >= finished.MaxDuration);

    private void Start(in PacketContext packet, in TelephoneEvent block, ref List<DtmfEvent>? completed)
    {
        if (_active is { } superseded)
        {
            CloseWithoutEnd(superseded, "another event started", ref completed);
        }

        var track = new TelephoneEventTrack(packet.Ssrc, packet.Timestamp, block, packet.Arrival, _clockRate);
        CountLostStart(packet, block);
        if (block.End)
        {
            Finish(track, ref completed);
        }
        else
        {
            _active = track;
        }
    }

    private void CountLostStart(in PacketContext packet, in TelephoneEvent block)
    {
        if (!packet.StartsHere)
        {
            _stats = _stats with { LostStarts = _stats.LostStarts + 1 };
            DtmfLog.StartLost(_logger, DtmfDigits.All[block.EventCode], packet.Ssrc, packet.Sequence, packet.Timestamp);
        }
    }

    private void CloseWithoutEnd(TelephoneEventTrack track, string reason, ref List<DtmfEvent>? completed)
    {
        _stats = _stats with { MissingEnds = _stats.MissingEnds + 1 };
        track.ClosedWithoutEnd = true;
        DtmfLog.EndMissing(_logger, DtmfDigits.All[track.EventCode], track.Ssrc, track.Timestamp, reason);
        Finish(track, ref completed);
    }

    private void Finish(TelephoneEventTrack track, ref List<DtmfEvent>? completed)
    {
        if (ReferenceEquals(_active, track))
        {
            _active = null;
        }

        (completed ??= []).Add(track.ToDtmfEvent());
        _stats = _stats with { Digits = _stats.Digits + 1 };
        _finished.AddFirst(track);
        if (_finished.Count > _options.RememberedEvents)
        {
            _finished.RemoveLast();
        }
    }

    private TelephoneEventTrack? FindFinished(uint ssrc, uint timestamp, byte eventCode)
    {
        // Newest first: the same identity may have been pressed several times.
        foreach (var track in _finished)
        {
            if (track.Matches(ssrc, timestamp, eventCode))
            {
                return track;
            }
        }

        return null;
    }

    /// <summary>The RTP header fields that matter for one block of a packet.</summary>
    private readonly record struct PacketContext(uint Ssrc, ushort Sequence, uint Timestamp, bool StartsHere, DateTimeOffset Arrival);
}
