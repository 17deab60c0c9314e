using System.Diagnostics;
using System.Net.Sockets;

namespace CallCenter.RtpProbe;

/// <summary>
/// Plays the callers' voices: one thread that wakes every packet interval at an absolute deadline (so it never
/// drifts) and sends one PCMU packet of silence to every destination heard recently, from the probe's own socket —
/// the address the callers' SDP named, so the server accepts the packets without re-latching (RFC 4961).
/// Records how late each wake-up was and how long each burst took, so its own pacing can be told apart from the
/// server's.
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
    private readonly List<TalkDestination> _active = new();
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
        return new TalkerSummary(_active.Count, _packetsSent, _sendFailures, _lateness.Count,
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
        long intervalNanoseconds = (long)_interval.TotalNanoseconds;
        long dropTicks = (long)(DropAfterSilence.TotalSeconds * Stopwatch.Frequency);
        long start = NativeTiming.MonotonicNanoseconds();
        for (long tick = 1; !_stopping; tick++)
        {
            long due = start + (tick * intervalNanoseconds);
            NativeTiming.SleepUntil(due);
            long woke = NativeTiming.MonotonicNanoseconds();
            if (Interlocked.Exchange(ref _resetRequested, 0) == 1)
            {
                ResetStatistics();
            }

            _lateness.Record((woke - due) / 1000);
            while (_destinations.TryTakeAdded(out var added))
            {
                _active.Add(added);
            }

            SendToAll(packet, samples, Stopwatch.GetTimestamp() - dropTicks);
            _burst.Record((NativeTiming.MonotonicNanoseconds() - woke) / 1000);
        }
    }

    private void SendToAll(byte[] packet, int samples, long heardAfter)
    {
        for (int i = _active.Count - 1; i >= 0; i--)
        {
            var destination = _active[i];
            if (destination.LastHeard < heardAfter)
            {
                destination.Expired = true;
                _active.RemoveAt(i);
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
