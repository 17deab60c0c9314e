using System.Net;
using System.Net.Sockets;

namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>
/// Picks ports on 127.0.0.1 that are free for both UDP and TCP (SIP listens on both on one port).
/// </summary>
public static class LoopbackPorts
{
    // Below Linux's ephemeral range (32768–60999 by default), so the kernel never hands one of these to an
    // outgoing connection (sipp's, kamailio's) while a test is about to bind it.
    private const int LowestPort = 20000;
    private const int HighestPort = 32700;
    private const int MaxAttempts = 500;

    /// <summary>
    /// Returns <paramref name="count"/> distinct ports, each of which could be bound on UDP and TCP a moment ago.
    /// All probes are held until every port is chosen, so the ports are distinct; they are released on return.
    /// </summary>
    public static IReadOnlyList<int> Reserve(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var held = new List<Socket>();
        var ports = new List<int>();
        try
        {
            for (var attempt = 0; ports.Count < count; attempt++)
            {
                if (attempt >= MaxAttempts)
                {
                    throw new InvalidOperationException($"No free UDP+TCP port pair found on 127.0.0.1 after {MaxAttempts} attempts.");
                }

                var candidate = Random.Shared.Next(LowestPort, HighestPort);
                if (!ports.Contains(candidate) && TryHold(candidate, held))
                {
                    ports.Add(candidate);
                }
            }

            return ports;
        }
        finally
        {
            foreach (var socket in held)
            {
                socket.Dispose();
            }
        }
    }

    /// <summary>One port free on UDP and TCP.</summary>
    public static int ReserveOne() => Reserve(1)[0];

    private static bool TryHold(int port, List<Socket> held)
    {
        var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            held.Add(tcp);
            held.Add(udp);
            return true;
        }
        catch (SocketException)
        {
            tcp.Dispose();
            udp.Dispose();
            return false;
        }
    }

    /// <summary>Whether something on this machine has bound UDP <paramref name="port"/> on 127.0.0.1.</summary>
    public static bool IsUdpBound(int port)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return false;
        }
        catch (SocketException error) when (error.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
    }
}
