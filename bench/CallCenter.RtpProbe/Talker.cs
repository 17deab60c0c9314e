using System.Diagnostics;
using System.Net.Sockets;

namespace CallCenter.RtpProbe;

/// <summary>
/// Plays the callers' voices: one thread that sends one PCMU packet of silence per packet interval to every
/// destination heard recently, from the probe's own socket — the address the callers' SDP named, so the server
/// accepts the packets without re-latching (RFC 4961). Real callers start at random moments, so their packets are
/// spread over the interval; the talker imitates that by waking every millisecond (at absolute deadlines, so it
/// never drifts) and serving one of the interval's slots, each destination keeping its slot for life. One burst of
/// every stream at once would instead load the server in 20 ms waves and measure the talker's own burst length as
/// jitter. Records how late each wake-up was and how long each burst took, so its own pacing can be told apart from
/// the server's.
/// </summary>
public sealed class Talker : IDisposable
{
    /// <summary>A destination silent this long is dropped: its call has ended and the port is closed.</summary>
    private static readonly TimeSpan DropAfterSilence = TimeSpan.FromSeconds(2);

    private const byte MuLawSilence = 0xFF;

    private readonly Socket _socket;
    private readonly TalkDestinations _destinations;
    private readonly TimeSpan _interval;
    private readonly byte _payloadType;
    private readonly int _realtimePriority;
    /// <summary>Slot length: the interval is cut into slots of this length.</summary>
    private static readonly TimeSpan SlotLength = TimeSpan.FromMilliseconds(1);

    private readonly List<TalkDestination>[] _slots;
    private int _nextSlot;
    private readonly DeviationHistogram _lateness = new();
    private readonly DeviationHistogram _burst = new();
    private readonly Thread _thread;
    private volatile bool _stopping;
    private int _resetRequested;
    private long _packetsSent;
    private long _sendFailures;

    /// <param name="socket">The probe's bound socket.</param>
    /// <param name="destinations">Who to talk to.</param>
    /// <param name="interval">Packet interval (20 ms: 160 samples of 8 kHz G.711 per packet).</param>
    /// <param name="payloadType">Payload type of the packets.</param>
    /// <param name="realtimePriority">SCHED_FIFO priority of the thread (0 = normal).</param>
    public Talker(Socket socket, TalkDestinations destinations, TimeSpan interval, byte payloadType, int realtimePriority)
    {
        _socket = socket;
        _destinations = destinations;
        _interval = interval;
        _payloadType = payloadType;
        _realtimePriority = realtimePriority;
        int slotCount = Math.Max(1, (int)Math.Round(interval / SlotLength));
        _slots = new List<TalkDestination>[slotCount];
        for (int i = 0; i < slotCount; i++)
        {
            _slots[i] = new List<TalkDestination>();
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "RTP probe talker" };
    }

    /// <summary>The scheduling the thread obtained.</summary>
    public string Scheduling { get; private set; } = "not started";

    /// <summary>Starts talking.</summary>
    public void Start() => _thread.Start();

    /// <summary>Starts the statistics afresh at the next tick.</summary>
    public void RequestReset() => Interlocked.Exchange(ref _resetRequested, 1);

    /// <summary>Stops the thread and returns its figures for the current window.</summary>
    public TalkerSummary Stop()
    {
        _stopping = true;
        _thread.Join();
        return new TalkerSummary(_slots.Sum(slot => slot.Count), _packetsSent, _sendFailures, _lateness.Count,
            _lateness.Percentile(99), _lateness.MaxMicroseconds, _burst.Percentile(99), _burst.MaxMicroseconds);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping = true;
        if (_thread.IsAlive)
        {
            _thread.Join();
        }
    }

    private void Run()
    {
        Scheduling = NativeTiming.TryMakeRealtime(_realtimePriority);
        int samples = (int)Math.Round(_interval.TotalSeconds * 8000);
        var packet = new byte[RtpFields.HeaderLength + samples];
        packet.AsSpan(RtpFields.HeaderLength).Fill(MuLawSilence);
        long slotNanoseconds = (long)_interval.TotalNanoseconds / _slots.Length;
        long dropTicks = (long)(DropAfterSilence.TotalSeconds * Stopwatch.Frequency);
        long start = NativeTiming.MonotonicNanoseconds();
        for (long tick = 1; !_stopping; tick++)
        {
            long due = start + (tick * slotNanoseconds);
            NativeTiming.SleepUntil(due);
            long woke = NativeTiming.MonotonicNanoseconds();
            if (Interlocked.Exchange(ref _resetRequested, 0) == 1)
            {
                ResetStatistics();
            }

            _lateness.Record((woke - due) / 1000);
            while (_destinations.TryTakeAdded(out var added))
            {
                // Round robin keeps the slots equally full, as random start times would on average.
                _slots[_nextSlot].Add(added);
                _nextSlot = (_nextSlot + 1) % _slots.Length;
            }

            SendTo(_slots[tick % _slots.Length], packet, samples, Stopwatch.GetTimestamp() - dropTicks);
            _burst.Record((NativeTiming.MonotonicNanoseconds() - woke) / 1000);
        }
    }

    private void SendTo(List<TalkDestination> slot, byte[] packet, int samples, long heardAfter)
    {
        for (int i = slot.Count - 1; i >= 0; i--)
        {
            var destination = slot[i];
            if (destination.LastHeard < heardAfter)
            {
                destination.Expired = true;
                slot.RemoveAt(i);
                continue;
            }

            RtpFields.Write(packet, _payloadType, destination.Sequence, destination.Timestamp, destination.Ssrc);
            destination.Sequence++;
            destination.Timestamp += (uint)samples;
            try
            {
                _socket.SendTo(packet, SocketFlags.None, destination.Address);
                _packetsSent++;
            }
            catch (SocketException)
            {
                _sendFailures++;
            }
        }
    }

    private void ResetStatistics()
    {
        _lateness.Reset();
        _burst.Reset();
        _packetsSent = 0;
        _sendFailures = 0;
    }
}

/// <summary>The talker's own figures: how many streams it fed and how punctual it was (microseconds).</summary>
public sealed record TalkerSummary(
    int Streams, long PacketsSent, long SendFailures, long Ticks, long LatenessP99, long LatenessMax, long BurstP99, long BurstMax);
