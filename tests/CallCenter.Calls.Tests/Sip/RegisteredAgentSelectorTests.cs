using System.Net;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Sip;
using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests.Sip;

/// <summary>
/// The routing rule until queues exist: the first agent in configuration order who has every skill asked for, is
/// registered and is free; and whether any logged-in agent has a skill (a flow's <c>agents-available</c>).
/// </summary>
public sealed class RegisteredAgentSelectorTests : IDisposable
{
    private static readonly AgentProfile Maria = Agent("1001", ("sales", 8), ("lang-en", 9), ("lang-tl", 10));
    private static readonly AgentProfile Nurul = Agent("1002", ("billing", 6), ("lang-en", 8), ("lang-ms", 10));
    private static readonly AgentProfile Jose = Agent("1004", ("billing", 8), ("lang-en", 7), ("lang-tl", 9));
    private static readonly AgentProfile Trainee = Agent("1005", ("billing", 0), ("lang-tl", 5));

    private readonly BindingStore _bindings = new(new RegistrarOptions(), new FakeTimeProvider());
    private readonly RegisteredAgentSelector _selector;

    public RegisteredAgentSelectorTests() => _selector = new RegisteredAgentSelector([Maria, Nurul, Trainee, Jose], _bindings);

    [Fact]
    public void The_first_registered_free_agent_in_configuration_order_with_every_skill_is_reserved()
    {
        RegisterAll("1001", "1002", "1004", "1005");

        Assert.Equal("1004", _selector.Reserve("call-1", ["billing", "lang-tl"])?.Extension);
        Assert.Equal("1002", _selector.Reserve("call-2", ["billing", "lang-en"])?.Extension);
        Assert.Null(_selector.Reserve("call-3", ["billing", "lang-en"]));
        Assert.Equal(["1002", "1004"], _selector.Busy.Order());
    }

    [Fact]
    public void No_skills_means_any_agent_and_an_unregistered_agent_is_skipped()
    {
        RegisterAll("1002");

        var target = _selector.Reserve("call-1", []);

        Assert.Equal("1002", target?.Extension);
        Assert.Equal(SipUri.Parse("sip:1002@127.0.0.1:5072"), target?.Contact, SipUriComparer);
    }

    [Fact]
    public void A_proficiency_of_zero_is_not_the_skill()
    {
        RegisterAll("1005");

        Assert.Null(_selector.Reserve("call-1", ["billing"]));
        Assert.Equal("1005", _selector.Reserve("call-1", ["lang-tl"])?.Extension);
    }

    [Fact]
    public void A_released_agent_can_be_reserved_again_but_only_by_the_call_that_held_it()
    {
        RegisterAll("1001");
        _selector.Reserve("call-1", ["sales"]);

        _selector.Release("1001", "call-2");
        Assert.Null(_selector.Reserve("call-3", ["sales"]));
        _selector.Release("1001", "call-1");

        Assert.Equal("1001", _selector.Reserve("call-3", ["sales"])?.Extension);
    }

    [Fact]
    public void Agents_are_available_for_a_skill_when_one_who_has_it_is_logged_in_busy_or_not()
    {
        RegisterAll("1001", "1005");
        _selector.Reserve("call-1", ["sales"]);

        Assert.True(_selector.AnyLoggedIn("sales"));
        Assert.True(_selector.AnyLoggedIn("lang-tl"));
        Assert.False(_selector.AnyLoggedIn("billing"));
        Assert.False(_selector.AnyLoggedIn("lang-ms"));
    }

    public void Dispose() => _bindings.Dispose();

    private static AgentProfile Agent(string extension, params (string Skill, int Proficiency)[] skills) =>
        new(extension, "Agent " + extension, skills.ToDictionary(s => s.Skill, s => s.Proficiency));

    private void RegisterAll(params string[] extensions)
    {
        foreach (var extension in extensions)
        {
            var port = 5070 + int.Parse(extension[^1..], System.Globalization.CultureInfo.InvariantCulture);
            var contact = SipUri.Parse($"sip:{extension}@127.0.0.1:{port}");
            _bindings.Apply(extension, [new ContactUpdate(contact, contact.ToString(), 600, 1.0)], removeAll: false, "reg-" + extension, 1,
                new SipRemote(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, port)), "test-phone");
        }
    }

    private static IEqualityComparer<SipUri?> SipUriComparer { get; } =
        EqualityComparer<SipUri?>.Create((a, b) => a is not null && b is not null && a.IsEquivalentTo(b));
}
