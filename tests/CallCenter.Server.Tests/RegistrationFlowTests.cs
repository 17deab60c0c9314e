using System.Text.Json;
using CallCenter.Auth;
using CallCenter.Sip.Message;

namespace CallCenter.Server.Tests;

public class RegistrationFlowTests
{
    [Fact]
    public async Task AgentRegistersWithDigestAndShowsInTheApiAndMetrics()
    {
        await using var server = await TestServer.StartAsync("--Sip:AuthAlgorithms=SHA-256,MD5");
        using var phone = new SipProbe(server.SipEndPoint);

        var challenge = await phone.SendAsync(phone.Register("1001", 1, null));
        Assert.True(challenge.StatusCode == 401, challenge.ReasonPhrase);
        var offers = challenge.Headers.ValuesOf(KnownHeader.WwwAuthenticate).ToList();
        Assert.Equal(2, offers.Count);
        Assert.Contains("SHA-256", offers[0]);

        Assert.True(DigestClient.TrySelectChallenge(offers, out var selected, out _));
        var authorization = new DigestClient().CreateAuthorization(selected!, "1001", "pw1001", "REGISTER", $"sip:127.0.0.1:{server.SipEndPoint.Port}");
        var ok = await phone.SendAsync(phone.Register("1001", 2, authorization));
        Assert.Equal(200, ok.StatusCode);
        Assert.Contains("expires=600", ok.Headers[KnownHeader.Contact]);

        using var bindings = JsonDocument.Parse(await server.Http.GetStringAsync("/api/registrations"));
        var binding = Assert.Single(bindings.RootElement.EnumerateArray());
        Assert.Equal("1001", binding.GetProperty("aor").GetString());
        Assert.Equal("udp", binding.GetProperty("transport").GetString());
        Assert.Equal($"127.0.0.1:{phone.LocalPort}", binding.GetProperty("source").GetString());

        var metrics = await server.Http.GetStringAsync("/metrics");
        Assert.Contains("callcenter_sip_requests_received_total{method=\"REGISTER\"} 2", metrics);
        Assert.Contains("callcenter_sip_responses_sent_total{code=\"401\"} 1", metrics);
        Assert.Contains("callcenter_sip_registrations_active 1", metrics);
        Assert.Contains("callcenter_sip_auth_total{outcome=\"authorized\"} 1", metrics);
    }

    [Fact]
    public async Task WrongPasswordAndUnknownUserGetTheSameRefusal()
    {
        await using var server = await TestServer.StartAsync();
        using var phone = new SipProbe(server.SipEndPoint);
        var uri = $"sip:127.0.0.1:{server.SipEndPoint.Port}";

        async Task<SipResponse> TryAsync(string user, string password)
        {
            var challenge = await phone.SendAsync(phone.Register(user, 1, null));
            Assert.Equal(401, challenge.StatusCode);
            Assert.True(DigestChallenge.TryParse(challenge.Headers[KnownHeader.WwwAuthenticate], out var parsed, out _));
            return await phone.SendAsync(phone.Register(user, 2, new DigestClient().CreateAuthorization(parsed!, user, password, "REGISTER", uri)));
        }

        var wrongPassword = await TryAsync("1001", "guess");
        var unknownUser = await TryAsync("9999", "guess");
        Assert.Equal(403, wrongPassword.StatusCode);
        Assert.Equal(wrongPassword.StatusCode, unknownUser.StatusCode);
        Assert.Equal(wrongPassword.ReasonPhrase, unknownUser.ReasonPhrase);
        Assert.Equal("[]", await server.Http.GetStringAsync("/api/registrations"));
    }

    [Fact]
    public async Task ByDefaultOnlyMd5IsOfferedBecauseCommonSoftphonesRefuseAnythingElse()
    {
        await using var server = await TestServer.StartAsync();
        using var phone = new SipProbe(server.SipEndPoint);
        var challenge = await phone.SendAsync(phone.Register("1001", 1, null));
        Assert.Contains("algorithm=MD5", Assert.Single(challenge.Headers.ValuesOf(KnownHeader.WwwAuthenticate)));
    }

    [Fact]
    public async Task MalformedRequestGets400WithReasonAndIsCounted()
    {
        await using var server = await TestServer.StartAsync();
        using var phone = new SipProbe(server.SipEndPoint);
        var response = await phone.SendAsync($"""
            OPTIONS sip:127.0.0.1 SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:{phone.LocalPort};branch=z9hG4bK-bad1
            From: <sip:probe@127.0.0.1>;tag=1
            To: <sip:127.0.0.1>
            Call-ID: bad1
            CSeq: 1 REGISTER
            Content-Length: 0


            """);
        Assert.Equal(400, response.StatusCode);
        Assert.Contains("CSeq", response.ReasonPhrase);
        Assert.Contains("callcenter_sip_parse_failures_total{kind=\"invalid\"} 1", await server.Http.GetStringAsync("/metrics"));
    }
}
