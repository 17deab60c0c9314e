using System.Net;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using FsCheck;
using FsCheck.Fluent;

namespace CallCenter.Sip.Tests.Transactions;

public class ViaStampTests
{
    private static SipRemote Udp(string address, int port) => new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse(address), port));

    private static SipRequest WithVia(string via) =>
        TestMessages.Parse<SipRequest>(
            "OPTIONS sip:queue@198.51.100.1 SIP/2.0\r\n" +
            $"Via: {via}\r\n" +
            "Max-Forwards: 70\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:queue@198.51.100.1>\r\n" +
            "Call-ID: v1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");

    [Fact]
    public void A_domain_name_sent_by_gets_received()
    {
        var request = WithVia("SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776");

        Assert.True(ViaStamp.Apply(request, Udp("192.0.2.4", 5060)));

        Assert.Equal("SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776;received=192.0.2.4", request.Headers[KnownHeader.Via]);
    }

    [Fact]
    public void A_sent_by_equal_to_the_source_address_is_left_alone()
    {
        var request = WithVia("SIP/2.0/UDP 192.0.2.4:5070;branch=z9hG4bK776");

        // §18.2.1 compares the host only: a different source port does not matter without rport.
        Assert.False(ViaStamp.Apply(request, Udp("192.0.2.4", 40000)));

        Assert.Equal("SIP/2.0/UDP 192.0.2.4:5070;branch=z9hG4bK776", request.Headers[KnownHeader.Via]);
    }

    [Fact]
    public void A_sent_by_address_other_than_the_source_gets_received()
    {
        var request = WithVia("SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776");

        ViaStamp.Apply(request, Udp("203.0.113.9", 5060));

        Assert.Equal("203.0.113.9", request.TopVia!.Received);
    }

    [Fact]
    public void An_empty_rport_is_filled_and_received_added_even_when_the_address_agrees()
    {
        var request = WithVia("SIP/2.0/UDP 192.0.2.4:5060;rport;branch=z9hG4bK776");

        ViaStamp.Apply(request, Udp("192.0.2.4", 61000));

        // RFC 3581 §4 (the example in its §4 has the same shape).
        Assert.Equal("SIP/2.0/UDP 192.0.2.4:5060;rport=61000;branch=z9hG4bK776;received=192.0.2.4", request.Headers[KnownHeader.Via]);
    }

    [Fact]
    public void Stamping_twice_changes_nothing_the_second_time()
    {
        var request = WithVia("SIP/2.0/UDP 10.0.0.5;rport;branch=z9hG4bK776");
        ViaStamp.Apply(request, Udp("203.0.113.9", 1024));
        var once = request.Headers[KnownHeader.Via];

        Assert.False(ViaStamp.Apply(request, Udp("203.0.113.9", 1024)));

        Assert.Equal(once, request.Headers[KnownHeader.Via]);
    }

    [Fact]
    public void Only_the_top_via_element_is_rewritten_when_a_line_holds_several()
    {
        var text =
            "OPTIONS sip:queue@198.51.100.1 SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP proxy.example.com;branch=z9hG4bKp1, SIP/2.0/UDP   10.0.0.1;branch=z9hG4bKu1\r\n" +
            "Via: SIP/2.0/TCP 10.0.0.2;branch=z9hG4bKu0\r\n" +
            "Max-Forwards: 70\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:queue@198.51.100.1>\r\n" +
            "Call-ID: v2\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        var request = TestMessages.Parse<SipRequest>(text);

        ViaStamp.Apply(request, Udp("192.0.2.1", 5060));

        Assert.Equal(
            ["SIP/2.0/UDP proxy.example.com;branch=z9hG4bKp1;received=192.0.2.1, SIP/2.0/UDP   10.0.0.1;branch=z9hG4bKu1", "SIP/2.0/TCP 10.0.0.2;branch=z9hG4bKu0"],
            request.Headers.ValuesOf(KnownHeader.Via));
        Assert.Equal(3, request.Vias.Count);
    }

    [Fact]
    public void An_ipv6_sent_by_equal_to_the_source_is_left_alone()
    {
        var request = WithVia("SIP/2.0/UDP [2001:db8::10]:5060;branch=z9hG4bK776");

        Assert.False(ViaStamp.Apply(request, Udp("2001:db8:0:0::10", 5060)));
    }

    [Fact]
    public void An_ipv6_received_is_written_without_brackets_and_scope_and_parses_again()
    {
        var request = WithVia("SIP/2.0/UDP [2001:db8::10]:5060;rport;branch=z9hG4bK776");
        var source = new SipRemote(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("fe80::1%3"), 5062));

        ViaStamp.Apply(request, source);

        var reparsed = TestMessages.Reparse(request).TopVia!;
        Assert.Equal("fe80::1", reparsed.Received);
        Assert.Equal(5062, reparsed.RportValue);
    }

    [Fact]
    public void An_ipv4_mapped_source_compares_as_ipv4()
    {
        var request = WithVia("SIP/2.0/UDP 192.0.2.4;branch=z9hG4bK776");
        var mapped = new SipRemote(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.4").MapToIPv6(), 5060));

        Assert.False(ViaStamp.Apply(request, mapped));

        var other = WithVia("SIP/2.0/UDP 10.1.1.1;branch=z9hG4bK776");
        ViaStamp.Apply(other, mapped);
        Assert.Equal("192.0.2.4", other.TopVia!.Received);
    }

    [Fact]
    public void A_request_without_via_is_left_alone()
    {
        var request = WithVia("SIP/2.0/UDP 192.0.2.4;branch=z9hG4bK776");
        request.Headers.RemoveAll(KnownHeader.Via);

        Assert.False(ViaStamp.Apply(request, Udp("192.0.2.4", 5060)));
    }

    [Fact]
    public void Property_a_stamped_rport_via_routes_back_to_the_exact_source()
    {
        var sources = from a in Gen.Choose(1, 223)
                      from b in Gen.Choose(0, 255)
                      from c in Gen.Choose(0, 255)
                      from d in Gen.Choose(1, 254)
                      from port in Gen.Choose(1, 65535)
                      from sentByIsName in Gen.Elements(true, false)
                      select (Address: $"{a}.{b}.{c}.{d}", Port: port, SentByIsName: sentByIsName);

        Prop.ForAll(sources.ToArbitrary(), s =>
        {
            var sentBy = s.SentByIsName ? "host.example.net" : "10.9.8.7";
            var request = WithVia($"SIP/2.0/UDP {sentBy}:5060;rport;branch=z9hG4bK1");
            var source = Udp(s.Address, s.Port);

            ViaStamp.Apply(request, source);

            return ResponseRouter.Route(TestMessages.Reparse(request).TopVia!, source) == source;
        }).QuickCheckThrowOnFailure();
    }
}
