using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CallCenter.RtpProbe;

/// <summary>
/// The probe's receive thread. It takes datagrams either in kernel-timestamped recvmmsg batches
/// (<see cref="ReceiveMode.Kernel"/>) or with one blocking <see cref="Socket.ReceiveFrom(Span{byte}, SocketFlags, SocketAddress)"/>
/// per datagram stamped with <see cref="Stopwatch.GetTimestamp"/> as soon as the call returns
/// (<see cref="ReceiveMode.Socket"/>, the cheapest plain .NET receive, about 1.2 µs a packet when saturated). It feeds
/// the <see cref="PacingRecorder"/> (times in nanoseconds), and echoes or registers talk destinations. Window resets
/// and the final summary go through the thread itself, so the recorder is never touched by two threads.
/// </summary>
public sealed class ProbeReceiver : IDisposable
{
    /// <summary>Time unit of the arrival times handed to the recorder.</summary>
    public const long TimestampFrequency = 1_000_000_000;

    private const int MaxDatagram = 2048;

    /// <summary>How often a blocked receive wakes up to look at the stop and reset requests.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Streams silent this long are forgotten (their calls ended).</summary>
    private static readonly long ForgetAfterNanoseconds = 10 * TimestampFrequency;

    private readonly Socket _socket;
    private readonly PacingRecorder _recorder;
    private readonly TalkDestinations? _talk;
    private readonly ProbeOptions _options;
    private readonly SocketAddress _source;
    private readonly Thread _thread;
    private readonly TaskCompletionSource<PacingSummary> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;
    private int _resetRequested;
    private long _echoFailures;
    private long _nextHousekeeping;
    private long _missingKernelTimestamps;

    /// <param name="socket">The bound UDP socket (blocking).</param>
    /// <param name="recorder">Where packets are accounted (built with <see cref="TimestampFrequency"/>).</param>
    /// <param name="talk">Destinations of the talker, or null when not talking.</param>
    /// <param name="options">Echo, receive mode, batch pause and thread priority.</param>
    public ProbeReceiver(Socket socket, PacingRecorder recorder, TalkDestinations? talk, ProbeOptions options)
    {
        _socket = socket;
        _recorder = recorder;
        _talk = talk;
        _options = options;
        _source = new SocketAddress(socket.AddressFamily, SocketAddress.GetMaximumAddressSize(socket.AddressFamily));
        _socket.ReceiveTimeout = (int)PollInterval.TotalMilliseconds;
        _thread = new Thread(Run) { IsBackground = true, Name = "RTP probe receive" };
    }

    /// <summary>How the thread receives and the scheduling it obtained; set once it runs.</summary>
    public string Description { get; private set; } = "not started";

    /// <summary>Echo sends that failed (full send buffer, closed destination).</summary>
    public long EchoFailures => Interlocked.Read(ref _echoFailures);

    /// <summary>Datagrams that came without a kernel timestamp (then stamped on receipt instead).</summary>
    public long MissingKernelTimestamps => Interlocked.Read(ref _missingKernelTimestamps);

    /// <summary>Starts the thread.</summary>
    public void Start() => _thread.Start();

    /// <summary>Asks the thread to start a new measurement window at its next wake-up (safe from a signal handler).</summary>
    public void RequestReset() => Interlocked.Exchange(ref _resetRequested, 1);

    /// <summary>Stops the thread and returns the summary of the current window.</summary>
    public PacingSummary Stop()
    {
        _stopping = true;
        _thread.Join();
        return _final.Task.Result;
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
        if (_options.Receiver == ReceiveMode.Kernel)
        {
            // Normal priority on purpose: the kernel stamps arrivals, so this thread's delays change no figure, while a
            // real-time receiver woken by the server's sendto preempts the server's own (normal) relay thread on
            // every packet — measured here: 15,000 preemptions a second at 1,000 bridged calls, which stalled the relay.
            const string scheduling = "normal";
            Description = $"recvmmsg batches of up to {KernelBatchReceiver.BatchSize} with kernel timestamps, pause {_options.EffectiveBatchSleep.TotalMicroseconds:0} µs after a partial batch, {scheduling}";
            RunKernelBatches();
        }
        else
        {
            // Here the stamp is taken when ReceiveFrom returns, so the thread must run as soon as a datagram arrives.
            string scheduling = NativeTiming.TryMakeRealtime(_options.RealtimePriority);
            Description = $"blocking ReceiveFrom with Stopwatch timestamps, {scheduling}";
            RunSocketReceives();
        }

        if (_options.StreamsFile is { } path)
        {
            using var file = File.CreateText(path);
            file.WriteLine("# ssrc packets max_deviation_us (streams heard in the window, worst first)");
            _recorder.WriteStreams(file);
        }

        _final.SetResult(_recorder.Summarize());
    }

    private void RunKernelBatches()
    {
        using var batch = new KernelBatchReceiver(_socket);
        long pause = (long)_options.EffectiveBatchSleep.TotalNanoseconds;
        while (!_stopping)
        {
            ApplyResetRequest();
            int count = batch.ReceiveBatch();
            for (int i = 0; i < count; i++)
            {
                if (!batch.TryGetTimestamp(i, out long arrival))
                {
                    Interlocked.Increment(ref _missingKernelTimestamps);
                    arrival = DateTime.UtcNow.Subtract(DateTime.UnixEpoch).Ticks * 100;
                }

                if (_options.Echo || _talk is not null)
                {
                    batch.CopySource(i, _source);
                }

                OnDatagram(batch.WritableDatagram(i), arrival);
                Housekeep(arrival);
            }

            if (pause > 0 && count < KernelBatchReceiver.BatchSize)
            {
                NativeTiming.SleepUntil(NativeTiming.MonotonicNanoseconds() + pause);
            }
        }
    }

    private void RunSocketReceives()
    {
        var buffer = new byte[MaxDatagram];
        double nanosecondsPerTick = (double)TimestampFrequency / Stopwatch.Frequency;
        while (!_stopping)
        {
            ApplyResetRequest();
            if (!TryReceive(buffer, out int length))
            {
                continue;
            }

            long arrival = (long)(Stopwatch.GetTimestamp() * nanosecondsPerTick);
            OnDatagram(buffer.AsSpan(0, length), arrival);
            Housekeep(arrival);
        }
    }

    private void ApplyResetRequest()
    {
        if (Volatile.Read(ref _resetRequested) == 1 && Interlocked.Exchange(ref _resetRequested, 0) == 1)
        {
            _recorder.Reset();
        }
    }

    private void Housekeep(long now)
    {
        if (now < _nextHousekeeping)
        {
            return;
        }

        if (_nextHousekeeping != 0)
        {
            _recorder.ForgetStreamsSilentSince(now - ForgetAfterNanoseconds);
        }

        _nextHousekeeping = now + ForgetAfterNanoseconds;
    }

    private bool TryReceive(byte[] buffer, out int length)
    {
        try
        {
            length = _socket.ReceiveFrom(buffer, SocketFlags.None, _source);
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock
            or SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.Interrupted)
        {
            // A poll wake-up, or an ICMP error from a destination that went away: neither is a datagram.
            length = 0;
            return false;
        }
    }

    private void OnDatagram(Span<byte> datagram, long arrival)
    {
        if (!RtpFields.TryRead(datagram, out var fields))
        {
            _recorder.RecordNotRtp();
            return;
        }

        _recorder.Record(fields, arrival);
        if (_options.Echo)
        {
            Echo(datagram, fields.Ssrc);
        }

        _talk?.Heard(_source);
    }

    /// <summary>
    /// Sends the packet back with its SSRC changed, so the server sees a stream of its own (RFC 3550 §8.2: an SSRC
    /// equal to one of the receiver's own would look like a collision or a loop).
    /// </summary>
    private void Echo(Span<byte> datagram, uint ssrc)
    {
        BinaryPrimitives.WriteUInt32BigEndian(datagram[8..], ssrc ^ 0x5EC0_EC40u);
        try
        {
            _socket.SendTo(datagram, SocketFlags.None, _source);
        }
        catch (SocketException)
        {
            Interlocked.Increment(ref _echoFailures);
        }
    }
}
