using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Auth.Tests;

public class NonceServiceTests
{
    private readonly FakeTimeProvider _clock = TestClock.Create();

    [Fact]
    public void A_fresh_nonce_is_valid_and_carries_its_issue_time()
    {
        var service = new NonceService(timeProvider: _clock);

        NonceValidation validation = service.Validate(service.CreateNonce());

        Assert.Equal(NonceStatus.Valid, validation.Status);
        Assert.Equal(TestClock.Start, validation.IssuedAt);
    }

    [Fact]
    public void A_nonce_is_valid_up_to_its_lifetime_and_stale_after()
    {
        var service = new NonceService(new NonceServiceOptions { Lifetime = TimeSpan.FromSeconds(30) }, _clock);
        string nonce = service.CreateNonce();

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(NonceStatus.Valid, service.Validate(nonce).Status);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(NonceStatus.Stale, service.Validate(nonce).Status);
    }

    [Fact]
    public void Default_lifetime_is_300_seconds()
    {
        var service = new NonceService(timeProvider: _clock);
        string nonce = service.CreateNonce();

        _clock.Advance(TimeSpan.FromSeconds(300));
        Assert.Equal(NonceStatus.Valid, service.Validate(nonce).Status);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(NonceStatus.Stale, service.Validate(nonce).Status);
        Assert.Equal(TimeSpan.FromSeconds(300), service.Lifetime);
    }

    [Fact]
    public void A_nonce_from_before_a_clock_step_back_is_still_valid()
    {
        var clock = new SettableClock { UtcNow = TestClock.Start };
        var service = new NonceService(timeProvider: clock);
        string nonce = service.CreateNonce();

        clock.UtcNow = TestClock.Start - TimeSpan.FromMinutes(10);

        Assert.Equal(NonceStatus.Valid, service.Validate(nonce).Status);
    }

    [Fact]
    public void Changing_any_character_makes_a_nonce_invalid()
    {
        var service = new NonceService(timeProvider: _clock);
        string nonce = service.CreateNonce();

        for (int i = 0; i < nonce.Length; i++)
        {
            var forged = new StringBuilder(nonce);
            forged[i] = nonce[i] == 'A' ? 'B' : 'A';
            Assert.Equal(NonceStatus.Invalid, service.Validate(forged.ToString()).Status);
        }
    }

    [Fact]
    public void A_nonce_signed_with_another_key_is_invalid()
    {
        var ours = new NonceService(timeProvider: _clock);
        var theirs = new NonceService(timeProvider: _clock);

        Assert.Equal(NonceStatus.Invalid, ours.Validate(theirs.CreateNonce()).Status);
    }

    [Fact]
    public void A_shared_key_keeps_nonces_valid_across_instances()
    {
        byte[] key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var first = new NonceService(new NonceServiceOptions { Key = key }, _clock);
        var afterRestart = new NonceService(new NonceServiceOptions { Key = key }, _clock);

        Assert.Equal(NonceStatus.Valid, afterRestart.Validate(first.CreateNonce()).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("dcd98b7102dd2f0e8b11d0f600bfb0c093")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Malformed_nonces_are_invalid(string nonce)
    {
        var service = new NonceService(timeProvider: _clock);

        Assert.Equal(NonceStatus.Invalid, service.Validate(nonce).Status);
    }

    [Fact]
    public void Nonces_are_unique_url_safe_and_fixed_length()
    {
        var service = new NonceService(timeProvider: _clock);

        string[] nonces = Enumerable.Range(0, 1000).Select(_ => service.CreateNonce()).ToArray();

        Assert.Equal(nonces.Length, nonces.Distinct().Count());
        Assert.All(nonces, nonce =>
        {
            Assert.Equal(NonceService.NonceLength, nonce.Length);
            Assert.True(nonce.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), nonce);
        });
    }

    [Fact]
    public void Refuses_unusable_options()
    {
        Assert.Throws<ArgumentException>(() => new NonceService(new NonceServiceOptions { Key = new byte[15] }));
        Assert.Throws<ArgumentException>(() => new NonceService(new NonceServiceOptions { Lifetime = TimeSpan.Zero }));
    }

    // FakeTimeProvider refuses to go backwards; a wall clock can (NTP step).
    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset UtcNow { get; set; }

        public override DateTimeOffset GetUtcNow() => UtcNow;
    }
}
