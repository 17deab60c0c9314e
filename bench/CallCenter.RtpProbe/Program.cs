using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using CallCenter.RtpProbe;

if (!ProbeOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(ProbeOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(ProbeOptions.Usage);
    return 0;
}

if (options.SelfTest)
{
    return SelfTest.Run(Console.Out) ? 0 : 1;
}

return ProbeRun.Execute(options);

/// <summary>One measuring run of the probe: bind, receive (and echo or talk), report on a signal or the time limit.</summary>
internal static class ProbeRun
{
    /// <summary>Socket buffers: the kernel here allows 4 MiB (net.core.rmem_max), which holds ~20,000 packets of backlog.</summary>
    private const int SocketBufferBytes = 4 * 1024 * 1024;

    public static int Execute(ProbeOptions options)
    {
        using var socket = new Socket(options.Address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.ReceiveBufferSize = SocketBufferBytes;
        socket.SendBufferSize = SocketBufferBytes;
        socket.Bind(new IPEndPoint(options.Address, options.Port));

        var recorder = new PacingRecorder(ProbeReceiver.TimestampFrequency, options.PacketInterval, options.PayloadType, options.Tolerance);
        var destinations = options.Talk ? new TalkDestinations() : null;
        using var receiver = new ProbeReceiver(socket, recorder, destinations, options);
        using var talker = destinations is null ? null : new Talker(socket, destinations, options.PacketInterval, options.PayloadType, options.RealtimePriority);

        using var stop = new ManualResetEventSlim();
        long windowStart = Stopwatch.GetTimestamp();
        void Reset(PosixSignalContext context)
        {
            context.Cancel = true;
            receiver.RequestReset();
            talker?.RequestReset();
            Interlocked.Exchange(ref windowStart, Stopwatch.GetTimestamp());
            Console.WriteLine($"[{options.Label}] new measurement window");
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Set();
        }

        using var onHangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Reset);
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        receiver.Start();
        talker?.Start();
        Console.WriteLine($"[{options.Label}] listening on {options.Address}:{options.Port}{(options.Echo ? ", echoing" : string.Empty)}{(options.Talk ? ", talking" : string.Empty)}");
        if (options.Duration is { } limit)
        {
            stop.Wait(limit);
        }
        else
        {
            stop.Wait();
        }

        var talked = talker?.Stop();
        var pacing = receiver.Stop();
        var window = Stopwatch.GetElapsedTime(Interlocked.Read(ref windowStart));
        Console.WriteLine($"[{options.Label}] receive: {receiver.Description}{(talker is null ? string.Empty : $"; talker: {talker.Scheduling}")}");
        if (receiver.MissingKernelTimestamps > 0)
        {
            Console.WriteLine($"[{options.Label}] {receiver.MissingKernelTimestamps} datagrams had no kernel timestamp and were stamped on receipt");
        }

        Console.WriteLine(ProbeReport.Format(options.Label, window, pacing, talked, receiver.EchoFailures, options.Tolerance, SocketDrops.ForLocalPort(options.Port)));
        return 0;
    }
}
