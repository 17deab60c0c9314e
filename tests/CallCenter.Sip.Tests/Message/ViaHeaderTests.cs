using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Message;

/// <summary>Via elements (RFC 3261 §20.42, §18.2; RFC 3581 rport).</summary>
public class ViaHeaderTests
{
    private static ViaHeader Parse(string text)
    {
        Assert.True(ViaHeader.TryParse(text, out var via, out var error), error);
        return via;
    }

    [Fact]
    public void Transport_sent_by_and_branch()
    {
        var via = Parse("SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds");

        Assert.Equal("SIP", via.ProtocolName);
        Assert.Equal("2.0", via.ProtocolVersion);
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("pc33.atlanta.com", via.Host);
        Assert.Null(via.Port);
        Assert.Equal("z9hG4bK776asdhds", via.Branch);
        Assert.True(via.HasRfc3261Branch);
        Assert.Equal(5060, via.DefaultPort);
    }

    [Fact]
    public void Received_and_rport_are_read()
    {
        var filled = Parse("SIP/2.0/UDP 192.0.2.1:5062;received=198.51.100.2;rport=6000;branch=z9hG4bKx");
        var asked = Parse("SIP/2.0/UDP 192.0.2.1;rport;branch=z9hG4bKx");

        Assert.Equal(5062, filled.Port);
        Assert.Equal("198.51.100.2", filled.Received);
        Assert.True(filled.HasRport);
        Assert.Equal(6000, filled.RportValue);
        Assert.True(asked.HasRport);
        Assert.Null(asked.RportValue);
        Assert.Null(asked.Received);
    }

    [Fact]
    public void White_space_is_allowed_around_the_slashes_and_parameters()
    {
        var via = Parse("SIP  /   2.0 /tcp   spindle.example.com   ;  branch  =   z9hG4bK9ikj8");

        Assert.Equal("TCP", via.Transport);
        Assert.Equal("spindle.example.com", via.Host);
        Assert.Equal("z9hG4bK9ikj8", via.Branch);
    }

    [Theory]
    [InlineData("SIP/2.0/TLS [2001:db8::9]:5071;branch=z9hG4bKa", "TLS", "[2001:db8::9]", 5071, 5071)]
    [InlineData("SIP/2.0/TLS host.example.com;branch=z9hG4bKa", "TLS", "host.example.com", null, 5061)]
    [InlineData("SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKa", "WSS", "df7jal23ls0d.invalid", null, 5060)]
    public void Sent_by_host_port_and_the_default_port(string text, string transport, string host, int? port, int defaultPort)
    {
        var via = Parse(text);

        Assert.Equal(transport, via.Transport);
        Assert.Equal(host, via.Host);
        Assert.Equal(port, via.Port);
        Assert.Equal(defaultPort, via.DefaultPort);
    }

    [Theory]
    [InlineData("SIP/2.0/UDP host.example.com", null, false)]
    [InlineData("SIP/2.0/UDP host.example.com;branch=390skdjuw", "390skdjuw", false)]
    [InlineData("SIP/2.0/UDP host.example.com;branch=z9hg4bk1", "z9hg4bk1", false)]
    [InlineData("SIP/2.0/UDP host.example.com;branch=z9hG4bK", "z9hG4bK", true)]
    public void RFC_2543_branches_lack_the_case_sensitive_cookie(string text, string? branch, bool rfc3261)
    {
        var via = Parse(text);

        Assert.Equal(branch, via.Branch);
        Assert.Equal(rfc3261, via.HasRfc3261Branch);
    }

    [Fact]
    public void Another_protocol_version_parses_so_that_a_505_can_be_routed()
    {
        var via = Parse("SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw");

        Assert.Equal("7.0", via.ProtocolVersion);
        Assert.Equal("SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw", via.ToString());
    }

    [Theory]
    [InlineData("", "must start with")]
    [InlineData("SIP/2.0 host.example.com", "must start with")]
    [InlineData("SIP/2.0/ host.example.com", "missing host")]
    [InlineData("SIP/2.0/UDP", "missing host")]
    [InlineData("SIP/2.0/UDP host.example.com:99999", "invalid port")]
    [InlineData("SIP/2.0/UDP 192.0.2.15;;", "empty parameter name")]
    [InlineData("SIP/2.0/UDP host.example.com junk", "unexpected 'j'")]
    [InlineData("SIP/2.0/UDP host;branch=\"open", "unterminated quoted value")]
    public void Malformed_Vias_are_refused_with_a_reason(string text, string reason)
    {
        Assert.False(ViaHeader.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ViaHeader.Parse(text));
    }

    [Fact]
    public void A_Via_built_for_sending_prints_and_parses_back()
    {
        var via = new ViaHeader("tcp", "cc.example.com", 5060, "z9hG4bK-abc");
        via.Parameters.Set("rport", null);

        var text = via.ToString();
        var again = Parse(text);

        Assert.Equal("SIP/2.0/TCP cc.example.com:5060;branch=z9hG4bK-abc;rport", text);
        Assert.Equal("z9hG4bK-abc", again.Branch);
        Assert.True(again.HasRport);
    }
}
