using System.Net;
using System.Net.Sockets;
using CallCenter.Interop.Tests.Infrastructure;

namespace CallCenter.Interop.Tests.Unit;

public sealed class LoopbackPortsTests
{
    [Fact]
    public void Reserved_ports_are_distinct_and_bindable_on_udp_and_tcp()
    {
        var ports = LoopbackPorts.Reserve(5);

        Assert.Equal(5, ports.Distinct().Count());
        foreach (var port in ports)
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
    }

    [Fact]
    public void Udp_bound_probe_sees_a_bound_socket()
    {
        var port = LoopbackPorts.ReserveOne();
        Assert.False(LoopbackPorts.IsUdpBound(port));

        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, port));

        Assert.True(LoopbackPorts.IsUdpBound(port));
    }
}
