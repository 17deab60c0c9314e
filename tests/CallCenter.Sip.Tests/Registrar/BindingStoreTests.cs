using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Registrar.RegisterRequests;

namespace CallCenter.Sip.Tests.Registrar;

/// <summary>The location service: ordering rules of §10.3 steps 6–7, limits, expiry and change events.</summary>
public sealed class BindingStoreTests
{
    private static readonly SipRemote Source = Phone;

    [Fact]
    public void An_expired_binding_is_no_longer_returned()
    {
        using var registrar = new RegistrarHarness();
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 60)], callId: "a", cseq: 1);

        registrar.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Single(registrar.Store.Lookup("1001"));
        registrar.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(registrar.Store.Lookup("1001"));
        Assert.Empty(registrar.Store.Snapshot());
        Assert.Equal(0, registrar.Store.BindingCount);
    }

    [Fact]
    public void Changed_reports_Registered_once_then_Unregistered_once_when_the_last_binding_expires()
    {
        using var registrar = new RegistrarHarness(new RegistrarOptions { SweepInterval = TimeSpan.FromSeconds(5) });
        var start = registrar.Time.GetUtcNow();
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 60)], callId: "a", cseq: 1);
        Apply(registrar.Store, "1001", [Update("sip:1001@198.51.100.7", 60)], callId: "b", cseq: 1);
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 60)], callId: "a", cseq: 2);

        registrar.RunFor(TimeSpan.FromSeconds(120));

        Assert.Equal(
            [new BindingChange("1001", BindingChangeKind.Registered, start), new BindingChange("1001", BindingChangeKind.Unregistered, start.AddSeconds(60))],
            registrar.Changes);
    }

    [Fact]
    public void The_sweep_reports_expiry_even_when_nobody_looks_the_user_up()
    {
        using var registrar = new RegistrarHarness(new RegistrarOptions { SweepInterval = TimeSpan.FromSeconds(5) });
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 60)], callId: "a", cseq: 1);

        registrar.RunFor(TimeSpan.FromSeconds(59));
        Assert.Single(registrar.Changes);
        registrar.RunFor(TimeSpan.FromSeconds(1));

        Assert.Equal(BindingChangeKind.Unregistered, registrar.Changes[^1].Kind);
        Assert.Equal(2, registrar.Changes.Count);
    }

    [Fact]
    public void Removing_the_last_binding_reports_Unregistered_and_a_new_one_Registered_again()
    {
        using var registrar = new RegistrarHarness();
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 600)], callId: "a", cseq: 1);
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 0)], callId: "a", cseq: 2);
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 600)], callId: "a", cseq: 3);
        registrar.Store.Apply("1001", [], removeAll: true, "a", 4, Source, null);

        Assert.Equal(
            [BindingChangeKind.Registered, BindingChangeKind.Unregistered, BindingChangeKind.Registered, BindingChangeKind.Unregistered],
            registrar.Changes.Select(c => c.Kind));
        Assert.All(registrar.Changes, c => Assert.Equal("1001", c.Aor));
    }

    [Fact]
    public void A_refused_update_raises_no_event()
    {
        using var registrar = new RegistrarHarness(new RegistrarOptions { MinExpiresSeconds = 1 });
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 600)], callId: "a", cseq: 7);

        var result = Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 0)], callId: "a", cseq: 7);

        Assert.False(result.Accepted);
        Assert.Single(registrar.Changes);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void The_same_CallId_with_a_CSeq_not_higher_is_refused_as_out_of_order(long cseq)
    {
        using var registrar = new RegistrarHarness();
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 600)], callId: "a", cseq: 7);

        var result = Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 300), Update("sip:1001@203.0.113.9", 300)], callId: "a", cseq: cseq);

        Assert.False(result.Accepted);
        Assert.Equal(400, result.StatusCode);
        Assert.NotNull(result.Reason);
        var binding = Assert.Single(result.Current);
        Assert.Equal(7, binding.CSeq);
        Assert.Single(registrar.Store.Lookup("1001"));
    }

    [Fact]
    public void An_out_of_order_request_may_still_add_contacts_it_did_not_register_before()
    {
        using var registrar = new RegistrarHarness();
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 600)], callId: "a", cseq: 7);

        var result = Apply(registrar.Store, "1001", [Update("sip:1001@203.0.113.9", 300)], callId: "a", cseq: 3);

        Assert.True(result.Accepted);
        Assert.Equal(2, result.Current.Count);
    }

    [Fact]
    public void Remove_all_is_refused_when_a_binding_was_made_by_a_later_request_of_the_same_CallId()
    {
        using var registrar = new RegistrarHarness();
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 600)], callId: "a", cseq: 7);
        Apply(registrar.Store, "1001", [Update("sip:1001@198.51.100.7", 600)], callId: "b", cseq: 1);

        var result = registrar.Store.Apply("1001", [], removeAll: true, "a", 7, Source, null);

        Assert.False(result.Accepted);
        Assert.Equal(2, registrar.Store.Lookup("1001").Count);
    }

    [Fact]
    public void Remove_all_from_another_CallId_removes_everything()
    {
        using var registrar = new RegistrarHarness();
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 600)], callId: "a", cseq: 7);

        var result = registrar.Store.Apply("1001", [], removeAll: true, "z", 1, Source, null);

        Assert.True(result.Accepted);
        Assert.Empty(result.Current);
        Assert.Empty(registrar.Store.Lookup("1001"));
    }

    [Fact]
    public void Remove_all_ignores_bindings_that_have_already_lapsed()
    {
        using var registrar = new RegistrarHarness(new RegistrarOptions { SweepInterval = TimeSpan.FromHours(1) });
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 60)], callId: "a", cseq: 9);
        registrar.Time.Advance(TimeSpan.FromSeconds(61));

        var result = registrar.Store.Apply("1001", [], removeAll: true, "a", 2, Source, null);

        Assert.True(result.Accepted);
    }

    [Fact]
    public void The_limit_refuses_only_growth_so_a_full_user_can_refresh_and_swap_contacts()
    {
        using var registrar = new RegistrarHarness(new RegistrarOptions { MaxBindingsPerAor = 2 });
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 600), Update("sip:1001@192.0.2.51", 600)], callId: "a", cseq: 1);

        var third = Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.52", 600)], callId: "b", cseq: 1);
        var refresh = Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 600), Update("sip:1001@192.0.2.51", 600)], callId: "a", cseq: 2);
        var swap = Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.51", 0), Update("sip:1001@192.0.2.52", 600)], callId: "a", cseq: 3);

        Assert.Equal((false, 403), (third.Accepted, third.StatusCode));
        Assert.True(refresh.Accepted);
        Assert.True(swap.Accepted);
        Assert.Equal(["sip:1001@192.0.2.50", "sip:1001@192.0.2.52"], registrar.Store.Lookup("1001").Select(b => b.Contact).Order());
    }

    [Fact]
    public void A_contact_listed_twice_takes_one_place()
    {
        using var registrar = new RegistrarHarness(new RegistrarOptions { MaxBindingsPerAor = 1 });

        var result = Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 600), Update("sip:1001@192.0.2.50", 300)], callId: "a", cseq: 1);

        Assert.True(result.Accepted);
        Assert.Equal(registrar.Time.GetUtcNow().AddSeconds(300), Assert.Single(result.Current).Expires);
    }

    [Fact]
    public void Expired_bindings_free_their_place_for_new_ones()
    {
        using var registrar = new RegistrarHarness(new RegistrarOptions { MaxBindingsPerAor = 1, SweepInterval = TimeSpan.FromHours(1) });
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 60)], callId: "a", cseq: 1);
        registrar.Time.Advance(TimeSpan.FromSeconds(60));

        var result = Apply(registrar.Store, "1001", [Update("sip:1001@198.51.100.7", 60)], callId: "b", cseq: 1);

        Assert.True(result.Accepted);
        Assert.Equal("sip:1001@198.51.100.7", Assert.Single(result.Current).Contact);
    }

    [Fact]
    public void Lookup_prefers_higher_q_then_the_most_recent_registration()
    {
        using var registrar = new RegistrarHarness();
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.1", 600, q: 0.5)], callId: "a", cseq: 1);
        registrar.Time.Advance(TimeSpan.FromSeconds(1));
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.2", 600, q: 0.5)], callId: "b", cseq: 1);
        registrar.Time.Advance(TimeSpan.FromSeconds(1));
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.3", 600, q: 0.9)], callId: "c", cseq: 1);

        Assert.Equal(
            ["sip:1001@192.0.2.3", "sip:1001@192.0.2.2", "sip:1001@192.0.2.1"],
            registrar.Store.Lookup("1001").Select(b => b.Contact));
    }

    [Fact]
    public void Lookup_of_an_unknown_user_is_empty()
    {
        using var registrar = new RegistrarHarness();

        Assert.Empty(registrar.Store.Lookup("9999"));
    }

    [Fact]
    public void Snapshot_lists_every_live_binding_by_user()
    {
        using var registrar = new RegistrarHarness();
        Apply(registrar.Store, "1002", [Update("sip:1002@192.0.2.2", 600)], callId: "b", cseq: 1);
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.1", 600), Update("sip:1001@192.0.2.9", 30)], callId: "a", cseq: 1);
        registrar.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(["1001", "1002"], registrar.Store.Snapshot().Select(b => b.Aor));
        Assert.Equal(2, registrar.Store.BindingCount);
    }

    [Fact]
    public void Users_do_not_share_bindings()
    {
        using var registrar = new RegistrarHarness();
        Apply(registrar.Store, "1001", [Update("sip:shared@192.0.2.1", 600)], callId: "a", cseq: 5);

        var other = Apply(registrar.Store, "1002", [Update("sip:shared@192.0.2.1", 600)], callId: "a", cseq: 1);

        Assert.True(other.Accepted);
        Assert.Single(registrar.Store.Lookup("1001"));
        Assert.Single(registrar.Store.Lookup("1002"));
    }

    [Fact]
    public void Disposing_stops_the_sweep()
    {
        var registrar = new RegistrarHarness(new RegistrarOptions { SweepInterval = TimeSpan.FromSeconds(5) });
        Apply(registrar.Store, "1001", [Update("sip:1001@192.0.2.50", 60)], callId: "a", cseq: 1);

        registrar.Dispose();
        registrar.Time.Advance(TimeSpan.FromSeconds(120));

        Assert.Single(registrar.Changes);
    }

    private static ContactUpdate Update(string uri, long expires, double q = 1.0) =>
        new(SipUri.Parse(uri), uri, expires, q);

    private static BindingUpdateResult Apply(BindingStore store, string aor, ContactUpdate[] updates, string callId, long cseq) =>
        store.Apply(aor, updates, removeAll: false, callId, cseq, Source, "TestPhone/2.1");
}
