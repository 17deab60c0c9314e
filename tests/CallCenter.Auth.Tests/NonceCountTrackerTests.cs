using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Auth.Tests;

public class NonceCountTrackerTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(300);
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly NonceService _nonces;

    public NonceCountTrackerTests()
    {
        _nonces = new NonceService(new NonceServiceOptions { Lifetime = Lifetime }, _clock);
    }

    [Fact]
    public void Accepts_increasing_counts_and_refuses_repeats()
    {
        var tracker = new NonceCountTracker(Lifetime, timeProvider: _clock);
        NonceValidation nonce = NewNonce();

        Assert.Equal(NonceCountCheck.Accepted, tracker.TryAdvance(nonce, 1));
        Assert.Equal(NonceCountCheck.Accepted, tracker.TryAdvance(nonce, 2));
        Assert.Equal(NonceCountCheck.Replayed, tracker.TryAdvance(nonce, 2));
        Assert.Equal(NonceCountCheck.Replayed, tracker.TryAdvance(nonce, 1));
        Assert.Equal(NonceCountCheck.Accepted, tracker.TryAdvance(nonce, 7));
        Assert.Equal(NonceCountCheck.Replayed, tracker.TryAdvance(nonce, 5));
    }

    [Fact]
    public void Tracks_each_nonce_separately()
    {
        var tracker = new NonceCountTracker(Lifetime, timeProvider: _clock);
        NonceValidation first = NewNonce();
        NonceValidation second = NewNonce();

        Assert.Equal(NonceCountCheck.Accepted, tracker.TryAdvance(first, 1));
        Assert.Equal(NonceCountCheck.Accepted, tracker.TryAdvance(second, 1));
        Assert.Equal(2, tracker.Count);
    }

    [Fact]
    public void Entries_expire_with_their_nonce()
    {
        var tracker = new NonceCountTracker(Lifetime, timeProvider: _clock);
        NonceValidation old = NewNonce();
        tracker.TryAdvance(old, 1);

        _clock.Advance(Lifetime + TimeSpan.FromSeconds(1));
        NonceValidation fresh = NewNonce();
        tracker.TryAdvance(fresh, 1);

        Assert.Equal(1, tracker.Count);
        Assert.Equal(NonceCountCheck.Forgotten, tracker.TryAdvance(old, 2));
    }

    [Fact]
    public void Memory_stays_under_the_cap()
    {
        var tracker = new NonceCountTracker(Lifetime, maxEntries: 10, _clock);

        for (int i = 0; i < 100; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(NonceCountCheck.Accepted, tracker.TryAdvance(NewNonce(), 1));
        }

        Assert.Equal(10, tracker.Count);
    }

    [Fact]
    public void Evicted_nonces_and_older_ones_are_forgotten_not_reopened_for_replay()
    {
        var tracker = new NonceCountTracker(Lifetime, maxEntries: 2, _clock);
        NonceValidation issuedFirstUsedLate = NewNonce();
        _clock.Advance(TimeSpan.FromSeconds(1));
        NonceValidation a = NewNonce();
        _clock.Advance(TimeSpan.FromSeconds(1));
        NonceValidation b = NewNonce();
        _clock.Advance(TimeSpan.FromSeconds(1));
        NonceValidation c = NewNonce();

        tracker.TryAdvance(a, 5);
        tracker.TryAdvance(b, 1);
        tracker.TryAdvance(c, 1); // evicts a

        Assert.Equal(NonceCountCheck.Forgotten, tracker.TryAdvance(a, 1));
        Assert.Equal(NonceCountCheck.Forgotten, tracker.TryAdvance(issuedFirstUsedLate, 1));
        Assert.Equal(NonceCountCheck.Replayed, tracker.TryAdvance(b, 1));
        Assert.Equal(NonceCountCheck.Replayed, tracker.TryAdvance(c, 1));
    }

    [Fact]
    public void Only_genuine_nonces_can_be_tracked()
    {
        var tracker = new NonceCountTracker(Lifetime, timeProvider: _clock);

        Assert.Throws<ArgumentException>(() => tracker.TryAdvance(_nonces.Validate("forged"), 1));
    }

    [Fact]
    public void Refuses_unusable_settings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NonceCountTracker(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NonceCountTracker(Lifetime, maxEntries: 0));
    }

    private NonceValidation NewNonce() => _nonces.Validate(_nonces.CreateNonce());
}
