using CallCenter.Sip.Core;
using CallCenter.Sip.Message;
using FsCheck.Xunit;

namespace CallCenter.Sip.Tests.Trunks;

/// <summary>
/// Who is calling: P-Asserted-Identity from a trusted trunk (RFC 3325 §9.1), else From; no number for anonymous or
/// withheld callers (RFC 3323 §4.1.1.3 anonymous From, §4.2 Privacy: user; RFC 3325 §9.3 Privacy: id).
/// </summary>
public sealed class TrunkCallerIdentityTests
{
    [Fact]
    public void A_trusted_trunk_asserts_the_number_with_a_SIP_URI()
    {
        var invite = Invite(from: "<sip:gateway@provider.test>", ("P-Asserted-Identity", "\"Juan\" <sip:+639171234567@provider.test;user=phone>"));

        Assert.Equal(new CallerIdentity("+639171234567", CallerIdentitySource.AssertedIdentity), CallerIdentityReader.Read(invite, trusted: true));
    }

    [Fact]
    public void The_tel_URI_of_two_asserted_identities_wins_and_loses_its_visual_separators()
    {
        var invite = Invite(
            from: "<sip:gateway@provider.test>",
            ("P-Asserted-Identity", "<sip:alice@provider.test>, <tel:+63-917-(123)-4567;cpc=ordinary>"));

        Assert.Equal("+639171234567", CallerIdentityReader.Read(invite, trusted: true).Number);
    }

    [Fact]
    public void Without_an_assertion_the_trusted_trunk_s_From_names_the_caller()
    {
        var invite = Invite(from: "<sip:0917123456@provider.test>");

        Assert.Equal(new CallerIdentity("0917123456", CallerIdentitySource.From), CallerIdentityReader.Read(invite, trusted: true));
    }

    [Fact]
    public void An_untrusted_source_cannot_assert_an_identity()
    {
        var invite = Invite(from: "<sip:0917123456@198.51.100.7>", ("P-Asserted-Identity", "<sip:+15551234567@provider.test>"));

        Assert.Equal(new CallerIdentity("0917123456", CallerIdentitySource.From), CallerIdentityReader.Read(invite, trusted: false));
    }

    [Theory]
    [InlineData("\"Anonymous\" <sip:anonymous@anonymous.invalid>", null)]
    [InlineData("<sip:anonymous@provider.test>", null)]
    [InlineData("<sip:provider.test>", null)]
    [InlineData("<sip:0917123456@provider.test>", "id")]
    [InlineData("<sip:0917123456@provider.test>", "user")]
    [InlineData("<sip:0917123456@provider.test>", "header;ID")]
    public void Anonymous_and_withheld_callers_have_no_number(string from, string? privacy)
    {
        var invite = privacy is null ? Invite(from) : Invite(from, ("Privacy", privacy));

        Assert.Equal(CallerIdentity.Withheld, CallerIdentityReader.Read(invite, trusted: true));
        Assert.Equal(CallerIdentity.Withheld, CallerIdentityReader.Read(invite, trusted: false));
    }

    [Fact]
    public void An_asserted_identity_with_privacy_id_is_withheld()
    {
        var invite = Invite("<sip:anonymous@anonymous.invalid>", ("P-Asserted-Identity", "<tel:+639171234567>"), ("Privacy", "id"));

        Assert.Null(CallerIdentityReader.Read(invite, trusted: true).Number);
    }

    [Fact]
    public void An_anonymous_assertion_is_withheld_and_an_unreadable_one_falls_back_to_From()
    {
        var anonymous = Invite("<sip:0917123456@provider.test>", ("P-Asserted-Identity", "<sip:anonymous@anonymous.invalid>"));
        var unreadable = Invite("<sip:0917123456@provider.test>", ("P-Asserted-Identity", "<<not a uri"));

        Assert.Equal(CallerIdentity.Withheld, CallerIdentityReader.Read(anonymous, trusted: true));
        Assert.Equal("0917123456", CallerIdentityReader.Read(unreadable, trusted: true).Number);
    }

    [Property(MaxTest = 2000)]
    public void Any_header_text_gives_an_identity_without_throwing(string? assertion, string? privacy, string? from, bool trusted)
    {
        var text = "INVITE sip:100@callcenter.test SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bKx\r\n" +
            $"From: {Clean(from)};tag=1\r\n" +
            "To: <sip:100@callcenter.test>\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n" +
            $"P-Asserted-Identity: {Clean(assertion)}\r\n" +
            $"Privacy: {Clean(privacy)}\r\nContent-Length: 0\r\n\r\n";
        var parsed = SipParser.Parse(System.Text.Encoding.UTF8.GetBytes(text));
        if (parsed.Message is SipRequest request)
        {
            var identity = CallerIdentityReader.Read(request, trusted);
            Assert.True(identity.Number is null ? identity.Source == CallerIdentitySource.Withheld : identity.Number.Length > 0);
        }
    }

    private static string Clean(string? text) => (text ?? string.Empty).Replace('\r', ' ').Replace('\n', ' ');

    private static SipRequest Invite(string from, params (string Name, string Value)[] headers)
    {
        var invite = new SipRequest(SipMethods.Invite, SipUri.Parse("sip:100@callcenter.test"));
        invite.Headers.Add(KnownHeader.From, from + ";tag=f1");
        invite.Headers.Add(KnownHeader.To, "<sip:100@callcenter.test>");
        foreach (var (name, value) in headers)
        {
            invite.Headers.Add(name, value);
        }

        return invite;
    }
}
