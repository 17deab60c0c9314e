using System.Globalization;
using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;
using static CallCenter.Sip.Tests.Registrar.RegisterRequests;

namespace CallCenter.Sip.Tests.Registrar;

/// <summary>REGISTER processing, RFC 3261 §10.3 steps 4–8: what is bound and what the response says.</summary>
public sealed class RegistrarServiceTests
{
    [Fact]
    public void A_new_contact_is_bound_and_the_200_lists_it_with_its_lifetime_and_a_date()
    {
        using var registrar = new RegistrarHarness();

        var response = registrar.Handle(Register(expires: "1800"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal([("sip:1001@192.0.2.50:5062", 1800L)], ListedContacts(response));
        Assert.Equal("reg-tag", response.To!.Tag);
        var date = DateTimeOffset.ParseExact(response.Headers[KnownHeader.Date]!, "r", CultureInfo.InvariantCulture);
        Assert.Equal(registrar.Time.GetUtcNow(), date);
        Assert.Equal("Fri, 14 Mar 2025 09:26:53 GMT", response.Headers[KnownHeader.Date]);

        var binding = Assert.Single(registrar.Store.Lookup("1001"));
        Assert.Equal("sip:1001@192.0.2.50:5062", binding.Contact);
        Assert.Equal(registrar.Time.GetUtcNow().AddSeconds(1800), binding.Expires);
        Assert.Equal(Phone, binding.Source);
        Assert.Equal("TestPhone/2.1", binding.UserAgent);
        Assert.Equal("reg-1@192.0.2.50", binding.CallId);
        Assert.Equal(1, binding.CSeq);
    }

    [Fact]
    public void The_expires_parameter_of_a_contact_wins_over_the_Expires_header()
    {
        using var registrar = new RegistrarHarness();

        var response = registrar.Handle(Register(contact: DeskPhone + ";expires=120", expires: "3000"));

        Assert.Equal([("sip:1001@192.0.2.50:5062", 120L)], ListedContacts(response));
    }

    [Fact]
    public void The_Expires_header_applies_to_contacts_without_a_parameter()
    {
        using var registrar = new RegistrarHarness();

        var response = registrar.Handle(Register(contact: "<sip:1001@192.0.2.50:5062>;expires=90, <sip:1001@198.51.100.7:5060>", expires: "600"));

        Assert.Equal([("sip:1001@198.51.100.7:5060", 600L), ("sip:1001@192.0.2.50:5062", 90L)], ListedContacts(response).OrderByDescending(c => c.Expires).ToList());
    }

    [Fact]
    public void Without_any_expiry_the_configured_default_is_granted()
    {
        using var registrar = new RegistrarHarness(new RegistrarOptions { DefaultExpiresSeconds = 900 });

        var response = registrar.Handle(Register(expires: null));

        Assert.Equal([("sip:1001@192.0.2.50:5062", 900L)], ListedContacts(response));
    }

    [Theory]
    [InlineData("30", null)]
    [InlineData("3600", "1")]
    [InlineData(null, "59")]
    public void A_lifetime_shorter_than_the_minimum_is_refused_with_423_and_Min_Expires(string? header, string? parameter)
    {
        using var registrar = new RegistrarHarness(new RegistrarOptions { MinExpiresSeconds = 60 });
        var contact = parameter is null ? DeskPhone : DeskPhone + ";expires=" + parameter;

        var response = registrar.Handle(Register(contact: contact, expires: header));

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.Headers[KnownHeader.MinExpires]);
        Assert.Empty(registrar.Store.Lookup("1001"));
        Assert.Empty(registrar.Changes);
    }

    [Fact]
    public void A_too_brief_contact_refuses_the_whole_request_so_no_other_contact_is_bound()
    {
        using var registrar = new RegistrarHarness();

        var response = registrar.Handle(Register(contact: "<sip:1001@198.51.100.7>;expires=3600, <sip:1001@192.0.2.50:5062>;expires=5"));

        Assert.Equal(423, response.StatusCode);
        Assert.Empty(registrar.Store.Lookup("1001"));
    }

    [Fact]
    public void A_lifetime_longer_than_the_maximum_is_shortened_to_it()
    {
        using var registrar = new RegistrarHarness(new RegistrarOptions { MaxExpiresSeconds = 7200 });

        var response = registrar.Handle(Register(expires: "86400"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal([("sip:1001@192.0.2.50:5062", 7200L)], ListedContacts(response));
    }

    [Fact]
    public void An_Expires_beyond_32_bits_is_read_as_the_largest_value_and_clamped()
    {
        using var registrar = new RegistrarHarness();

        var response = registrar.Handle(Register(expires: "99999999999999999999"));

        Assert.Equal([("sip:1001@192.0.2.50:5062", 3600L)], ListedContacts(response));
    }

    [Fact]
    public void A_refresh_keeps_one_binding_and_extends_it_from_now()
    {
        using var registrar = new RegistrarHarness();
        registrar.Handle(Register(cseq: 1, expires: "3600"));
        var firstBound = registrar.Time.GetUtcNow();
        registrar.Time.Advance(TimeSpan.FromSeconds(1700));

        var response = registrar.Handle(Register(cseq: 2, expires: "3600"));

        Assert.Equal([("sip:1001@192.0.2.50:5062", 3600L)], ListedContacts(response));
        var binding = Assert.Single(registrar.Store.Lookup("1001"));
        Assert.Equal(registrar.Time.GetUtcNow().AddSeconds(3600), binding.Expires);
        Assert.Equal(firstBound, binding.RegisteredAt);
        Assert.Equal(2, binding.CSeq);
    }

    [Fact]
    public void A_refresh_with_an_equivalent_uri_updates_the_same_binding()
    {
        using var registrar = new RegistrarHarness();
        registrar.Handle(Register(contact: "<sip:1001@PHONE.example.com:5062>", cseq: 1));

        registrar.Handle(Register(contact: "<sip:%31001@phone.EXAMPLE.com:5062;ob>", cseq: 2, expires: "600"));

        var binding = Assert.Single(registrar.Store.Lookup("1001"));
        Assert.Equal(registrar.Time.GetUtcNow().AddSeconds(600), binding.Expires);
    }

    [Fact]
    public void A_different_port_or_transport_is_a_different_contact()
    {
        using var registrar = new RegistrarHarness();
        registrar.Handle(Register(contact: "<sip:1001@192.0.2.50:5062>", cseq: 1));

        registrar.Handle(Register(contact: "<sip:1001@192.0.2.50:5064>, <sip:1001@192.0.2.50:5062;transport=tcp>", cseq: 2));

        Assert.Equal(3, registrar.Store.Lookup("1001").Count);
    }

    [Fact]
    public void Several_contacts_on_separate_lines_are_all_bound_and_all_listed()
    {
        using var registrar = new RegistrarHarness();

        var response = registrar.Handle(Register(
            contact: "<sip:1001@192.0.2.50:5062>;q=0.5",
            extraHeaders: "Contact: <sip:1001@198.51.100.7:5060;transport=tcp>;q=1.0\r\nContact: <sip:1001@203.0.113.9>;q=0.1\r\n"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(
            ["sip:1001@198.51.100.7:5060;transport=tcp", "sip:1001@192.0.2.50:5062", "sip:1001@203.0.113.9"],
            ListedContacts(response).Select(c => c.Uri));
        Assert.Equal([1.0, 0.5, 0.1], registrar.Store.Lookup("1001").Select(b => b.Q));
    }

    [Fact]
    public void The_200_lists_bindings_of_earlier_requests_with_their_remaining_lifetime()
    {
        using var registrar = new RegistrarHarness();
        registrar.Handle(Register(contact: "<sip:1001@198.51.100.7>", callId: "laptop@198.51.100.7", expires: "3600"));
        registrar.Time.Advance(TimeSpan.FromSeconds(100.4));

        var response = registrar.Handle(Register(expires: "600"));

        Assert.Equal(
            [("sip:1001@192.0.2.50:5062", 600L), ("sip:1001@198.51.100.7", 3500L)],
            ListedContacts(response).OrderBy(c => c.Expires).ToList());
    }

    [Theory]
    [InlineData("<sip:1001@192.0.2.50:5062>;expires=0", "3600")]
    [InlineData("<sip:1001@192.0.2.50:5062>", "0")]
    public void Expiry_zero_removes_the_binding(string contact, string expires)
    {
        using var registrar = new RegistrarHarness();
        registrar.Handle(Register(cseq: 1));
        registrar.Handle(Register(contact: "<sip:1001@198.51.100.7>", callId: "laptop@198.51.100.7"));

        var response = registrar.Handle(Register(contact: contact, cseq: 2, expires: expires));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal([("sip:1001@198.51.100.7", 3600L)], ListedContacts(response));
        Assert.Equal("sip:1001@198.51.100.7", Assert.Single(registrar.Store.Lookup("1001")).Contact);
    }

    [Fact]
    public void Removing_the_last_contact_answers_200_without_Contact()
    {
        using var registrar = new RegistrarHarness();
        registrar.Handle(Register(cseq: 1));

        var response = registrar.Handle(Register(cseq: 2, expires: "0"));

        Assert.Equal(200, response.StatusCode);
        Assert.False(response.Headers.Contains(KnownHeader.Contact));
        Assert.True(response.Headers.Contains(KnownHeader.Date));
        Assert.Empty(registrar.Store.Lookup("1001"));
    }

    [Fact]
    public void Removing_an_unknown_contact_is_accepted_and_changes_nothing()
    {
        using var registrar = new RegistrarHarness();
        registrar.Handle(Register(cseq: 1));

        var response = registrar.Handle(Register(contact: "<sip:1001@203.0.113.9>", callId: "other@203.0.113.9", expires: "0"));

        Assert.Equal(200, response.StatusCode);
        Assert.Single(registrar.Store.Lookup("1001"));
    }

    [Fact]
    public void Contact_star_with_Expires_zero_removes_every_binding_of_the_user_only()
    {
        using var registrar = new RegistrarHarness();
        registrar.Handle(Register(cseq: 1));
        registrar.Handle(Register(contact: "<sip:1001@198.51.100.7>", callId: "laptop@198.51.100.7"));
        registrar.Handle(Register(contact: "<sip:1002@192.0.2.51>", user: "1002", callId: "other@192.0.2.51"));

        var response = registrar.Handle(Register(contact: "*", cseq: 2, expires: "0"));

        Assert.Equal(200, response.StatusCode);
        Assert.False(response.Headers.Contains(KnownHeader.Contact));
        Assert.Empty(registrar.Store.Lookup("1001"));
        Assert.Single(registrar.Store.Lookup("1002"));
    }

    [Theory]
    [InlineData("*", "3600")]
    [InlineData("*", null)]
    [InlineData("*, <sip:1001@192.0.2.50:5062>", "0")]
    public void Contact_star_is_refused_unless_alone_and_with_Expires_zero(string contact, string? expires)
    {
        using var registrar = new RegistrarHarness();
        registrar.Handle(Register(cseq: 1));

        var response = registrar.Handle(Register(contact: contact, cseq: 2, expires: expires));

        Assert.Equal(400, response.StatusCode);
        Assert.Single(registrar.Store.Lookup("1001"));
    }

    [Fact]
    public void A_query_without_Contact_lists_the_bindings_and_changes_nothing()
    {
        using var registrar = new RegistrarHarness();
        registrar.Handle(Register(cseq: 1, expires: "3600"));
        registrar.Time.Advance(TimeSpan.FromSeconds(60));

        var response = registrar.Handle(Register(contact: null, cseq: 2, expires: null));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal([("sip:1001@192.0.2.50:5062", 3540L)], ListedContacts(response));
        Assert.Equal(1, Assert.Single(registrar.Store.Lookup("1001")).CSeq);
        Assert.True(response.Headers.Contains(KnownHeader.Date));
    }

    [Fact]
    public void A_query_for_a_user_with_no_bindings_answers_200_without_Contact()
    {
        using var registrar = new RegistrarHarness();

        var response = registrar.Handle(Register(contact: null));

        Assert.Equal(200, response.StatusCode);
        Assert.False(response.Headers.Contains(KnownHeader.Contact));
    }

    [Fact]
    public void A_user_may_not_register_another_users_address_of_record()
    {
        using var registrar = new RegistrarHarness();

        var response = registrar.Service.Handle(Register(user: "1002"), Phone, authenticatedUser: "1001", toTag: "t");

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(registrar.Store.Lookup("1002"));
        Assert.Empty(registrar.Store.Lookup("1001"));
    }

    [Fact]
    public void The_address_of_record_compares_with_the_user_name_exactly()
    {
        using var registrar = new RegistrarHarness();

        Assert.Equal(403, registrar.Service.Handle(Register(user: "Alice"), Phone, "alice", "t").StatusCode);
        Assert.Equal(200, registrar.Service.Handle(Register(user: "%61lice"), Phone, "alice", "t").StatusCode);
    }

    [Theory]
    [InlineData("<sip:1001@192.0.2.50:5062>;expires=soon")]
    [InlineData("<sip:1001@192.0.2.50:5062>;expires=-5")]
    [InlineData("<sip:1001@192.0.2.50:5062>;expires")]
    public void A_malformed_expires_parameter_is_refused(string contact)
    {
        using var registrar = new RegistrarHarness();

        var response = registrar.Handle(Register(contact: contact));

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(registrar.Store.Lookup("1001"));
    }

    [Fact]
    public void An_unparseable_Contact_is_refused()
    {
        using var registrar = new RegistrarHarness();
        var request = Register();
        request.Headers.Set(KnownHeader.Contact, "<sip:1001@192.0.2.50:5062");

        var response = registrar.Handle(request);

        Assert.Equal(400, response.StatusCode);
    }

    [Theory]
    [InlineData("0.7", 0.7)]
    [InlineData("1", 1.0)]
    [InlineData("0", 0.0)]
    [InlineData("1.5", 1.0)]
    [InlineData("high", 1.0)]
    public void The_q_parameter_sets_the_preference_and_a_bad_one_reads_as_1(string q, double expected)
    {
        using var registrar = new RegistrarHarness();

        registrar.Handle(Register(contact: DeskPhone + ";q=" + q));

        Assert.Equal(expected, Assert.Single(registrar.Store.Lookup("1001")).Q);
    }

    [Fact]
    public void A_request_with_the_same_CallId_and_a_lower_CSeq_is_refused_and_changes_nothing()
    {
        using var registrar = new RegistrarHarness();
        registrar.Handle(Register(cseq: 5, expires: "3600"));

        var stale = registrar.Handle(Register(cseq: 4, expires: "0"));

        Assert.Equal(400, stale.StatusCode);
        Assert.Equal(5, Assert.Single(registrar.Store.Lookup("1001")).CSeq);
    }

    [Fact]
    public void The_same_contact_from_another_CallId_replaces_the_binding_whatever_its_CSeq()
    {
        using var registrar = new RegistrarHarness();
        registrar.Handle(Register(cseq: 50));

        var response = registrar.Handle(Register(callId: "after-reboot@192.0.2.50", cseq: 1, expires: "300"));

        Assert.Equal(200, response.StatusCode);
        var binding = Assert.Single(registrar.Store.Lookup("1001"));
        Assert.Equal("after-reboot@192.0.2.50", binding.CallId);
        Assert.Equal(1, binding.CSeq);
    }

    [Fact]
    public void Too_many_contacts_are_refused_with_403_and_the_existing_ones_kept()
    {
        using var registrar = new RegistrarHarness(new RegistrarOptions { MaxBindingsPerAor = 2 });
        registrar.Handle(Register(contact: "<sip:1001@192.0.2.50>, <sip:1001@192.0.2.51>", cseq: 1));

        var response = registrar.Handle(Register(contact: "<sip:1001@192.0.2.52>", callId: "third@192.0.2.52"));

        Assert.Equal(403, response.StatusCode);
        Assert.Equal(2, registrar.Store.Lookup("1001").Count);
    }
}
