using CallCenter.Sip.Core;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Core.Support;

namespace CallCenter.Sip.Tests.Core;

/// <summary>The UAS core's handling of new requests other than REGISTER and INVITE (RFC 3261 §8.2, §11.2, §12.2.2).</summary>
public sealed class UserAgentCoreDispatchTests
{
    [Fact]
    public async Task OPTIONS_is_answered_200_with_our_capabilities_without_authentication()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();

        var ok = await phone.Phone.SendAndGetFinalAsync(phone.Request(SipMethods.Options, phone.ServerUri, "opt@127.0.0.1", 1, $"<{phone.ServerUri}>", extraHeaders: "Accept: application/sdp\r\n"));

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(UasCapabilities.Default.AllowHeaderValue, ok.Headers[KnownHeader.Allow]);
        Assert.Equal(UasCapabilities.Default.AcceptHeaderValue, ok.Headers[KnownHeader.Accept]);
        Assert.Equal("identity", ok.Headers[KnownHeader.AcceptEncoding]);
        Assert.Equal("en", ok.Headers[KnownHeader.AcceptLanguage]);
        Assert.Equal("CallCenter-Test", ok.Headers[KnownHeader.Server]);
        Assert.Equal("timer", ok.Headers[KnownHeader.Supported]);
        Assert.NotNull(ok.To!.Tag);
        Assert.Empty(harness.AuthOutcomes);
    }

    [Fact]
    public async Task OPTIONS_lists_the_configured_extensions_and_none_when_there_are_none()
    {
        await using (var bare = await CoreHarness.StartAsync(new UasCapabilities { SupportedExtensions = [] }))
        {
            var probe = bare.NewPhone();
            var plain = await probe.Phone.SendAndGetFinalAsync(probe.Request(SipMethods.Options, probe.ServerUri, "opt0@127.0.0.1", 1, $"<{probe.ServerUri}>"));
            Assert.False(plain.Headers.Contains(KnownHeader.Supported));
        }

        await using var harness = await CoreHarness.StartAsync(new UasCapabilities { SupportedExtensions = ["timer", "path"] });
        var phone = harness.NewPhone();

        var ok = await phone.Phone.SendAndGetFinalAsync(phone.Request(SipMethods.Options, phone.ServerUri, "opt@127.0.0.1", 1, $"<{phone.ServerUri}>"));

        Assert.Equal("timer, path", ok.Headers[KnownHeader.Supported]);
    }

    [Fact]
    public async Task A_method_we_do_not_handle_gets_405_with_Allow_before_any_challenge()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();

        var refused = await phone.Phone.SendAndGetFinalAsync(phone.Request(SipMethods.Subscribe, phone.ServerUri, "sub@127.0.0.1", 1, $"<{phone.ServerUri}>", extraHeaders: "Event: presence\r\n"));

        Assert.Equal(405, refused.StatusCode);
        Assert.Equal(UasCapabilities.Default.AllowHeaderValue, refused.Headers[KnownHeader.Allow]);
        Assert.Empty(harness.AuthOutcomes);
    }

    [Fact]
    public async Task An_unknown_method_gets_501()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();

        var refused = await phone.Phone.SendAndGetFinalAsync(phone.Request("FROBNICATE", phone.ServerUri, "x@127.0.0.1", 1, $"<{phone.ServerUri}>"));

        Assert.Equal(501, refused.StatusCode);
    }

    [Fact]
    public async Task A_Require_we_do_not_support_gets_420_with_Unsupported()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();

        var refused = await phone.Phone.SendAndGetFinalAsync(
            phone.Request(SipMethods.Register, $"sip:{CoreHarness.Domain}", "r@127.0.0.1", 1, $"<{phone.Aor}>", extraHeaders: "Require: 100rel\r\n"));

        Assert.Equal(420, refused.StatusCode);
        Assert.Equal("100rel", refused.Headers[KnownHeader.Unsupported]);
    }

    [Theory]
    [InlineData(SipMethods.Bye)]
    [InlineData(SipMethods.Info)]
    [InlineData(SipMethods.Update)]
    public async Task A_mid_dialog_method_outside_any_dialog_gets_481(string method)
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();

        var refused = await phone.Phone.SendAndGetFinalAsync(phone.Request(method, phone.ServerUri, "nodialog@127.0.0.1", 1, $"<{phone.ServerUri}>"));

        Assert.Equal(481, refused.StatusCode);
    }

    [Theory]
    [InlineData(SipMethods.Bye)]
    [InlineData(SipMethods.Invite)]
    [InlineData(SipMethods.Options)]
    public async Task A_request_naming_an_unknown_dialog_gets_481(string method)
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();

        var refused = await phone.Phone.SendAndGetFinalAsync(phone.Request(method, phone.ServerUri, "gone@127.0.0.1", 2, $"<{phone.ServerUri}>;tag=long-gone", extraHeaders: $"Contact: <{phone.ContactUri}>\r\n"));

        Assert.Equal(481, refused.StatusCode);
        Assert.Empty(harness.AuthOutcomes);
    }

    [Fact]
    public async Task An_ACK_for_no_dialog_is_ignored()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();

        phone.Phone.Send(phone.Request(SipMethods.Ack, phone.ServerUri, "stray@127.0.0.1", 1, $"<{phone.ServerUri}>;tag=nobody"));

        await phone.Phone.AssertNothingSentAsync();
    }

    [Fact]
    public async Task A_body_type_we_do_not_understand_gets_415()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();
        var text = phone.Invite().ToString().Replace("Content-Type: application/sdp", "Content-Type: application/vnd.example+xml");

        var refused = await phone.Phone.SendAndGetFinalAsync(Softphone.Parse(text));

        Assert.Equal(415, refused.StatusCode);
        Assert.Empty(harness.AuthOutcomes);
    }
}
