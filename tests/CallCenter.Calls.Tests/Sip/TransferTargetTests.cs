using System.Net;
using CallCenter.Calls.Sip;
using CallCenter.Sip.Transport;
using FsCheck.Xunit;

namespace CallCenter.Calls.Tests.Sip;

/// <summary>
/// Building a dial target from a flow's transfer URI: the numeric host and port (5060 by default) and the transport
/// parameter (UDP by default) name where the INVITE goes (RFC 3263 §4.1, §4.2); anything else is refused with a reason.
/// </summary>
public sealed class TransferTargetTests
{
    [Theory]
    [InlineData("sip:+6328123@192.0.2.7", "+6328123", "192.0.2.7", 5060, SipTransportKind.Udp)]
    [InlineData("sip:desk@192.0.2.7:5080;transport=tcp", "desk", "192.0.2.7", 5080, SipTransportKind.Tcp)]
    [InlineData("sip:192.0.2.9", "", "192.0.2.9", 5060, SipTransportKind.Udp)]
    [InlineData("sip:ivr@[2001:db8::1]:5062", "ivr", "2001:db8::1", 5062, SipTransportKind.Udp)]
    public void A_uri_with_an_ip_address_becomes_a_target(string uri, string user, string address, int port, SipTransportKind transport)
    {
        Assert.True(TransferTarget.TryCreate(uri, out var target, out var error), error);

        Assert.Equal(user, target.Extension);
        Assert.Equal(uri, target.Contact.ToString());
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), target.Route.EndPoint);
        Assert.Equal(transport, target.Route.Transport);
    }

    [Theory]
    [InlineData("sip:+6328123@trunk.example.com", "IP address")]
    [InlineData("sips:desk@192.0.2.7", "sip:")]
    [InlineData("sip:desk@192.0.2.7;transport=sctp", "transport")]
    [InlineData("not a uri", "not a SIP URI")]
    public void Other_uris_are_refused_with_the_reason(string uri, string reason)
    {
        Assert.False(TransferTarget.TryCreate(uri, out var target, out var error));
        Assert.Null(target);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Property]
    public void Any_text_gives_a_target_or_a_reason_and_never_throws(string? text)
    {
        var ok = TransferTarget.TryCreate(text ?? string.Empty, out var target, out var error);
        Assert.Equal(ok, target is not null);
        Assert.Equal(ok, error.Length == 0);
    }
}
