using System.Globalization;
using System.Net;

namespace CallCenter.RtpProbe;

/// <summary>What the probe does, from its command line.</summary>
public sealed record ProbeOptions
{
    /// <summary>The usage text printed for <c>--help</c> and after a bad argument.</summary>
    public const string Usage = """
        CallCenter.RtpProbe: receives the RTP of many calls on one UDP port and measures its pacing.

          --port N             UDP port to bind (required unless --self-test)
          --address A          address to bind (default 127.0.0.1)
          --seconds S          stop after S seconds (default: run until SIGINT/SIGTERM)
          --echo               send every packet back to its source (the agent side of a bridged call)
          --talk               send a paced 20 ms PCMU stream back to every source heard (callers that speak)
          --ptime-ms MS        expected packet interval (default 20)
          --payload-type PT    expected payload type (default 0, PCMU)
          --tolerance-ms MS    pacing tolerance reported as a share (default 2)
          --realtime PRIO      SCHED_FIFO priority of the talker, and of the receive thread in socket mode;
                               0 for normal (default 5). In kernel mode the receive thread stays normal.
          --receiver MODE      kernel: recvmmsg batches with kernel receive timestamps (default on Linux);
                               socket: one blocking Socket.ReceiveFrom per datagram, timed with Stopwatch
          --batch-sleep-us US  kernel mode: pause after a batch that was not full, so packets gather and the
                               server is not charged a receiver wake-up per packet (default 500; 200 with
                               --echo, whose replies then wait at most that long)
          --label NAME         name printed in the report (default probe)
          --streams-file PATH  at exit, write one line per stream of the window (SSRC, packets, worst deviation)
          --self-test          check the statistics code and exit 0 (pass) or 1 (fail)

        SIGHUP starts a new measurement window (counters and percentiles are reset); SIGINT or SIGTERM prints
        the report of the current window and exits. The last report line starts with "RTPPROBE" and holds
        key=value pairs for scripts.
        """;

    /// <summary>UDP port to bind.</summary>
    public int Port { get; init; }

    /// <summary>Address to bind.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Run time limit; null runs until a signal.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Echo every packet back to its source.</summary>
    public bool Echo { get; init; }

    /// <summary>Send a paced stream to every source heard.</summary>
    public bool Talk { get; init; }

    /// <summary>Expected packet interval.</summary>
    public TimeSpan PacketInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Expected payload type.</summary>
    public byte PayloadType { get; init; }

    /// <summary>Pacing tolerance.</summary>
    public TimeSpan Tolerance { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>SCHED_FIFO priority of the probe's threads; 0 keeps normal scheduling.</summary>
    public int RealtimePriority { get; init; } = 5;

    /// <summary>How datagrams are received and timed.</summary>
    public ReceiveMode Receiver { get; init; } = KernelBatchReceiver.IsSupported ? ReceiveMode.Kernel : ReceiveMode.Socket;

    /// <summary>Pause after a batch that was not full (kernel mode); null picks 500 µs, or 200 µs when echoing.</summary>
    public TimeSpan? BatchSleep { get; init; }

    /// <summary>The batch pause in effect.</summary>
    public TimeSpan EffectiveBatchSleep => BatchSleep ?? TimeSpan.FromMicroseconds(Echo ? 200 : 500);

    /// <summary>Where to write the per-stream lines at exit; null writes none.</summary>
    public string? StreamsFile { get; init; }

    /// <summary>Name in the report.</summary>
    public string Label { get; init; } = "probe";

    /// <summary>Run the self-test instead of measuring.</summary>
    public bool SelfTest { get; init; }

    /// <summary>Show the usage.</summary>
    public bool Help { get; init; }

    /// <summary>Parses <paramref name="args"/>; false with a message naming the bad argument.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out ProbeOptions options, out string error)
    {
        options = new ProbeOptions();
        error = string.Empty;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (IsFlag(name, options, out var flagged))
            {
                options = flagged;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value (or is unknown)";
                return false;
            }

            string value = args[++i];
            if (!TryApplyValue(name, value, options, out options, out error))
            {
                return false;
            }
        }

        if (!options.SelfTest && !options.Help && options.Port == 0)
        {
            error = "--port is required";
            return false;
        }

        if (options.Receiver == ReceiveMode.Kernel && !KernelBatchReceiver.IsSupported)
        {
            error = "--receiver kernel needs 64-bit Linux";
            return false;
        }

        if (options.Echo && options.Talk)
        {
            error = "--echo and --talk exclude each other: both on one port would send every packet twice";
            return false;
        }

        return true;
    }

    private static bool IsFlag(string name, ProbeOptions current, out ProbeOptions updated)
    {
        updated = name switch
        {
            "--echo" => current with { Echo = true },
            "--talk" => current with { Talk = true },
            "--self-test" => current with { SelfTest = true },
            "--help" or "-h" => current with { Help = true },
            _ => current,
        };
        return !ReferenceEquals(updated, current);
    }

    private static bool TryApplyValue(string name, string value, ProbeOptions current, out ProbeOptions updated, out string error)
    {
        error = string.Empty;
        updated = current;
        switch (name)
        {
            case "--port" when TryInt(value, 1, 65535, out int port):
                updated = current with { Port = port };
                return true;
            case "--address" when IPAddress.TryParse(value, out var address):
                updated = current with { Address = address };
                return true;
            case "--seconds" when TryDouble(value, 0.1, 86_400, out double seconds):
                updated = current with { Duration = TimeSpan.FromSeconds(seconds) };
                return true;
            case "--ptime-ms" when TryDouble(value, 1, 1000, out double ptime):
                updated = current with { PacketInterval = TimeSpan.FromMilliseconds(ptime) };
                return true;
            case "--payload-type" when TryInt(value, 0, 127, out int payloadType):
                updated = current with { PayloadType = (byte)payloadType };
                return true;
            case "--tolerance-ms" when TryDouble(value, 0, 1000, out double tolerance):
                updated = current with { Tolerance = TimeSpan.FromMilliseconds(tolerance) };
                return true;
            case "--realtime" when TryInt(value, 0, 99, out int priority):
                updated = current with { RealtimePriority = priority };
                return true;
            case "--receiver" when value is "kernel" or "socket":
                updated = current with { Receiver = value == "kernel" ? ReceiveMode.Kernel : ReceiveMode.Socket };
                return true;
            case "--batch-sleep-us" when TryInt(value, 0, 10_000, out int sleep):
                updated = current with { BatchSleep = TimeSpan.FromMicroseconds(sleep) };
                return true;
            case "--streams-file" when value.Length > 0:
                updated = current with { StreamsFile = value };
                return true;
            case "--label" when value.Length > 0:
                updated = current with { Label = value };
                return true;
            default:
                error = $"bad argument: {name} {value}";
                return false;
        }
    }

    private static bool TryInt(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    private static bool TryDouble(string text, double min, double max, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}

/// <summary>How the probe receives and timestamps datagrams.</summary>
public enum ReceiveMode
{
    /// <summary>recvmmsg batches, each datagram stamped by the kernel on arrival (SO_TIMESTAMPNS).</summary>
    Kernel,

    /// <summary>One blocking Socket.ReceiveFrom per datagram, stamped with Stopwatch when the call returns.</summary>
    Socket,
}
