using System.Net;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Transactions;

public class ResponseRouterTests
{
    private static readonly SipRemote UdpSource = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("203.0.113.9"), 61000));

    private static IPEndPoint EndPoint(string address, int port) => new(IPAddress.Parse(address), port);

    [Fact]
    public void Reliable_transport_reuses_the_connection_with_received_and_sent_by_port_as_fallback()
    {
        var tcp = new SipRemote(SipTransportKind.Tcp, EndPoint("203.0.113.9", 50123), 42);

        var route = ResponseRouter.Route(ViaHeader.Parse("SIP/2.0/TCP client.example.com:5070;branch=z9hG4bK1;received=203.0.113.9"), tcp);

        Assert.Equal(new SipRemote(SipTransportKind.Tcp, EndPoint("203.0.113.9", 5070), 42), route);
    }

    [Fact]
    public void Reliable_transport_without_received_falls_back_to_the_source_address_and_default_port()
    {
        var tcp = new SipRemote(SipTransportKind.Tcp, EndPoint("192.0.2.10", 50123), 3);

        var route = ResponseRouter.Route(ViaHeader.Parse("SIP/2.0/TCP 192.0.2.10;branch=z9hG4bK1"), tcp);

        Assert.Equal(new SipRemote(SipTransportKind.Tcp, EndPoint("192.0.2.10", 5060), 3), route);
    }

    [Fact]
    public void Maddr_wins_over_received_on_udp()
    {
        var route = ResponseRouter.Route(ViaHeader.Parse("SIP/2.0/UDP 10.0.0.5:5080;maddr=239.255.255.1;branch=z9hG4bK1;received=203.0.113.9"), UdpSource);

        Assert.Equal(EndPoint("239.255.255.1", 5080), route.EndPoint);
        Assert.Equal(SipTransportKind.Udp, route.Transport);
    }

    [Fact]
    public void A_maddr_that_is_not_an_address_is_skipped()
    {
        var route = ResponseRouter.Route(ViaHeader.Parse("SIP/2.0/UDP 10.0.0.5;maddr=mcast.example.com;branch=z9hG4bK1;received=203.0.113.9"), UdpSource);

        Assert.Equal(EndPoint("203.0.113.9", 5060), route.EndPoint);
    }

    [Fact]
    public void Received_with_rport_goes_to_that_address_and_port()
    {
        var route = ResponseRouter.Route(ViaHeader.Parse("SIP/2.0/UDP 10.0.0.5:5060;rport=61000;branch=z9hG4bK1;received=203.0.113.9"), UdpSource);

        Assert.Equal(UdpSource, route);
    }

    [Fact]
    public void Received_alone_goes_to_received_with_the_sent_by_port()
    {
        var withPort = ResponseRouter.Route(ViaHeader.Parse("SIP/2.0/UDP 10.0.0.5:5070;branch=z9hG4bK1;received=203.0.113.9"), UdpSource);
        var withoutPort = ResponseRouter.Route(ViaHeader.Parse("SIP/2.0/UDP 10.0.0.5;branch=z9hG4bK1;received=203.0.113.9"), UdpSource);

        Assert.Equal(EndPoint("203.0.113.9", 5070), withPort.EndPoint);
        Assert.Equal(EndPoint("203.0.113.9", 5060), withoutPort.EndPoint);
    }

    [Fact]
    public void Otherwise_the_sent_by_address_and_port()
    {
        var route = ResponseRouter.Route(ViaHeader.Parse("SIP/2.0/UDP 203.0.113.9:5090;branch=z9hG4bK1"), UdpSource);

        Assert.Equal(new SipRemote(SipTransportKind.Udp, EndPoint("203.0.113.9", 5090)), route);
    }

    [Fact]
    public void Ipv6_received_and_rport()
    {
        var source = new SipRemote(SipTransportKind.Udp, EndPoint("2001:db8::9", 40000));

        var route = ResponseRouter.Route(ViaHeader.Parse("SIP/2.0/UDP [2001:db8::5]:5060;rport=40000;branch=z9hG4bK1;received=2001:db8::9"), source);

        Assert.Equal(source, route);
    }

    [Fact]
    public void Ipv6_sent_by_without_received()
    {
        var source = new SipRemote(SipTransportKind.Udp, EndPoint("2001:db8::5", 40000));

        var route = ResponseRouter.Route(ViaHeader.Parse("SIP/2.0/UDP [2001:db8::5];branch=z9hG4bK1"), source);

        Assert.Equal(EndPoint("2001:db8::5", 5060), route.EndPoint);
    }

    [Fact]
    public void A_response_is_routed_by_its_top_via()
    {
        var request = TestMessages.Inbound(sentBy: "10.0.0.5:5060", viaExtra: ";rport");
        ViaStamp.Apply(request, UdpSource);
        var response = ResponseFactory.Create(request, 200, toTag: "x");

        Assert.Equal(UdpSource, ResponseRouter.Route(response, UdpSource));
    }
}
