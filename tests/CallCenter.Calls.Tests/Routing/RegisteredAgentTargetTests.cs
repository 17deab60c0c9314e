using System.Net;
using CallCenter.Calls.Sip;
using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests.Routing;

/// <summary>Where an offered agent is rung: its most preferred live binding, reached as registered or back along the REGISTER's flow.</summary>
public sealed class RegisteredAgentTargetTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly BindingStore _bindings;

    public RegisteredAgentTargetTests() => _bindings = new BindingStore(new RegistrarOptions(), _time);

    [Fact]
    public void A_contact_reachable_as_registered_is_rung_there()
    {
        Register("sip:1001@127.0.0.1:5071", new IPEndPoint(IPAddress.Loopback, 5071));

        Assert.True(RegisteredAgentTarget.TryResolve(_bindings, "1001", "Ana", out var target));

        Assert.Equal(("1001", "Ana", "sip:1001@127.0.0.1:5071"), (target.Extension, target.DisplayName, target.Contact.ToString()));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5071), target.Route.EndPoint);
    }

    [Fact]
    public void A_contact_behind_nat_is_rung_back_along_the_flow_its_register_came_on()
    {
        var source = new IPEndPoint(IPAddress.Parse("203.0.113.9"), 40000);
        Register("sip:1001@192.168.1.20:5060", source);

        Assert.True(RegisteredAgentTarget.TryResolve(_bindings, "1001", "Ana", out var target));

        Assert.Equal(source, target.Route.EndPoint);
    }

    [Fact]
    public void An_agent_without_a_live_binding_has_no_target()
    {
        Register("sip:1001@127.0.0.1:5071", new IPEndPoint(IPAddress.Loopback, 5071), expires: 60);

        Assert.False(RegisteredAgentTarget.TryResolve(_bindings, "1002", "Ben", out _));
        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.False(RegisteredAgentTarget.TryResolve(_bindings, "1001", "Ana", out var target));
        Assert.Null(target);
    }

    public void Dispose() => _bindings.Dispose();

    private void Register(string contact, IPEndPoint source, int expires = 600)
    {
        var uri = SipUri.Parse(contact);
        _bindings.Apply(uri.User!, [new ContactUpdate(uri, contact, expires, 1.0)], removeAll: false, "reg", 1, new SipRemote(SipTransportKind.Udp, source), "phone");
    }
}
