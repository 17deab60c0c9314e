using CallCenter.Auth;
using CallCenter.Sip.Core;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Trunks;

/// <summary>
/// Registering with a provider as a UAC (RFC 3261 §10.2): the REGISTER's shape, the digest answer (§22.2), refresh
/// before expiry (§10.2.4), 423 Min-Expires (§10.2.8), back-off after failures and the un-REGISTER (§10.2.2), all on a
/// fake clock.
/// </summary>
public sealed class TrunkRegistrationTests
{
    [Fact]
    public async Task The_REGISTER_names_our_address_of_record_and_contact()
    {
        await using var peer = await TrunkRegistrarPeer.StartAsync();
        peer.Registration.Start();

        var register = await peer.ReceiveRegisterAsync();

        Assert.Equal($"sip:127.0.0.1:{peer.Socket.EndPoint.Port}", register.RequestUriText);
        Assert.Equal("sip:trunkuser@127.0.0.1", register.To!.Uri.ToString());
        Assert.Equal("sip:trunkuser@127.0.0.1", register.From!.Uri.ToString());
        Assert.False(string.IsNullOrEmpty(register.From.Tag));
        Assert.Null(register.To.Tag);
        Assert.Equal($"<sip:trunkuser@127.0.0.1:{peer.Harness.ServerEndPoint.Port}>", register.Headers[KnownHeader.Contact]);
        Assert.Equal(3600, register.Expires);
        Assert.Equal(new CSeqHeader(1, SipMethods.Register), register.CSeq);
        Assert.False(register.Headers.Contains(KnownHeader.Authorization));
        Assert.Null(SipMessageValidator.Validate(register));
        Assert.Equal(OutboundRegistrationState.Registering, peer.Registration.Status.State);
    }

    [Fact]
    public async Task A_401_is_answered_by_a_new_REGISTER_with_a_valid_Authorization()
    {
        await using var peer = await TrunkRegistrarPeer.StartAsync();
        peer.Registration.Start();
        var first = await peer.ReceiveRegisterAsync();

        peer.Answer(first, 401, ("WWW-Authenticate", "Digest realm=\"provider.test\", nonce=\"n-1\", qop=\"auth\", opaque=\"o-9\""));
        var second = await peer.ReceiveRegisterAsync();

        Assert.Equal(first.CallId, second.CallId);
        Assert.Equal(first.From!.Tag, second.From!.Tag);
        Assert.Equal(first.CSeq!.Number + 1, second.CSeq!.Number);
        Assert.NotEqual(first.TopVia!.Branch, second.TopVia!.Branch);
        Assert.True(DigestCredentials.TryParse(second.Headers[KnownHeader.Authorization], out var sent, out var error), error);
        Assert.Equal(("trunkuser", "provider.test", "n-1", "o-9", second.RequestUriText), (sent.Username, sent.Realm, sent.Nonce, sent.Opaque, sent.Uri));
        var expected = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Md5,
            DigestSecret.FromPassword(TrunkRegistrarPeer.Password),
            new DigestResponseParameters("REGISTER", second.RequestUriText, "trunkuser", "provider.test", "n-1", sent.Cnonce, sent.NonceCount, "auth"));
        Assert.Equal(expected, sent.Response);
    }

    [Fact]
    public async Task The_granted_lifetime_is_used_and_the_binding_is_refreshed_before_it_runs_out()
    {
        await using var peer = await TrunkRegistrarPeer.StartAsync();
        var registeredAt = peer.Now;
        var authorized = await peer.RegisterAsync(seconds: 120);

        var status = peer.Registration.Status;
        Assert.Equal(registeredAt.AddSeconds(120), status.RegisteredUntil);
        Assert.Equal(registeredAt.AddSeconds(60), status.NextAttemptAt);

        peer.Harness.Time.Advance(TimeSpan.FromSeconds(59));
        await peer.Socket.AssertNothingSentAsync();
        peer.Harness.Time.Advance(TimeSpan.FromSeconds(1));
        var refresh = await peer.ReceiveRegisterAsync();

        Assert.Equal(authorized.CallId, refresh.CallId);
        Assert.Equal(authorized.CSeq!.Number + 1, refresh.CSeq!.Number);
        Assert.Equal(3600, refresh.Expires);
    }

    [Fact]
    public async Task A_423_raises_the_requested_lifetime_to_Min_Expires_for_this_and_later_REGISTERs()
    {
        await using var peer = await TrunkRegistrarPeer.StartAsync();
        peer.Registration.Start();
        var first = await peer.ReceiveRegisterAsync();

        peer.Answer(first, 423, ("Min-Expires", "7200"));
        var second = await peer.ReceiveRegisterAsync();
        Assert.Equal(7200, second.Expires);
        Assert.Equal(first.CSeq!.Number + 1, second.CSeq!.Number);

        peer.Answer(second, 200);
        var status = await peer.StatusAsync(s => s.IsRegistered);
        Assert.Equal(peer.Now.AddSeconds(7200), status.RegisteredUntil);

        peer.Harness.Time.Advance(TimeSpan.FromSeconds(7140));
        Assert.Equal(7200, (await peer.ReceiveRegisterAsync()).Expires);
    }

    [Fact]
    public async Task A_423_without_a_usable_Min_Expires_is_a_failure()
    {
        await using var peer = await TrunkRegistrarPeer.StartAsync();
        peer.Registration.Start();

        peer.Answer(await peer.ReceiveRegisterAsync(), 423);
        var status = await peer.StatusAsync(s => s.State == OutboundRegistrationState.Failing);

        Assert.Equal("423 Interval Too Brief", status.LastError);
    }

    [Fact]
    public async Task Failures_are_retried_after_a_doubling_back_off_and_a_success_resets_it()
    {
        await using var peer = await TrunkRegistrarPeer.StartAsync();
        peer.Registration.Start();

        peer.Answer(await peer.ReceiveRegisterAsync(), 403);
        var failing = await peer.StatusAsync(s => s.ConsecutiveFailures == 1);
        Assert.Equal((OutboundRegistrationState.Failing, "403 Forbidden"), (failing.State, failing.LastError));
        Assert.Equal(peer.Now.AddSeconds(30), failing.NextAttemptAt);

        peer.Harness.Time.Advance(TimeSpan.FromSeconds(29));
        await peer.Socket.AssertNothingSentAsync();
        peer.Harness.Time.Advance(TimeSpan.FromSeconds(1));
        peer.Answer(await peer.ReceiveRegisterAsync(), 503);
        var again = await peer.StatusAsync(s => s.ConsecutiveFailures == 2);
        Assert.Equal(peer.Now.AddSeconds(60), again.NextAttemptAt);

        peer.Harness.Time.Advance(TimeSpan.FromSeconds(60));
        peer.Grant(await peer.ReceiveRegisterAsync(), 600);
        var registered = await peer.StatusAsync(s => s.IsRegistered);
        Assert.Equal((0, null), (registered.ConsecutiveFailures, registered.LastError));
    }

    [Fact]
    public async Task Credentials_refused_twice_are_not_sent_a_third_time()
    {
        await using var peer = await TrunkRegistrarPeer.StartAsync();
        peer.Registration.Start();
        const string Challenge = "Digest realm=\"provider.test\", nonce=\"n-1\"";

        peer.Answer(await peer.ReceiveRegisterAsync(), 401, ("WWW-Authenticate", Challenge));
        peer.Answer(await peer.ReceiveRegisterAsync(), 401, ("WWW-Authenticate", Challenge));
        var status = await peer.StatusAsync(s => s.State == OutboundRegistrationState.Failing);

        Assert.Equal("401 Unauthorized: the credentials were refused", status.LastError);
        await peer.Socket.AssertNothingSentAsync();
    }

    [Fact]
    public async Task A_stale_nonce_is_answered_again()
    {
        await using var peer = await TrunkRegistrarPeer.StartAsync();
        peer.Registration.Start();

        peer.Answer(await peer.ReceiveRegisterAsync(), 401, ("WWW-Authenticate", "Digest realm=\"provider.test\", nonce=\"old\""));
        peer.Answer(await peer.ReceiveRegisterAsync(), 401, ("WWW-Authenticate", "Digest realm=\"provider.test\", nonce=\"new\", stale=true"));
        var third = await peer.ReceiveRegisterAsync();

        Assert.True(DigestCredentials.TryParse(third.Headers[KnownHeader.Authorization], out var sent, out _));
        Assert.Equal("new", sent.Nonce);
    }

    [Fact]
    public async Task Stopping_removes_our_binding_with_Expires_0()
    {
        await using var peer = await TrunkRegistrarPeer.StartAsync();
        var authorized = await peer.RegisterAsync();

        var stopping = peer.Registration.StopAsync(CancellationToken.None);
        var removal = await peer.ReceiveRegisterAsync();
        peer.Answer(removal, 200);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, removal.Expires);
        Assert.Equal(authorized.Headers[KnownHeader.Contact], removal.Headers[KnownHeader.Contact]);
        Assert.Equal(authorized.CallId, removal.CallId);
        Assert.True(removal.CSeq!.Number > authorized.CSeq!.Number);
        Assert.Equal(OutboundRegistrationState.Stopped, peer.Registration.Status.State);
    }

    [Fact]
    public async Task Stopping_before_any_binding_sends_nothing()
    {
        await using var peer = await TrunkRegistrarPeer.StartAsync();
        peer.Registration.Start();
        peer.Answer(await peer.ReceiveRegisterAsync(), 403);
        await peer.StatusAsync(s => s.State == OutboundRegistrationState.Failing);

        await peer.Registration.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        await peer.Socket.AssertNothingSentAsync();
        Assert.Equal(OutboundRegistrationState.Stopped, peer.Registration.Status.State);
    }
}
