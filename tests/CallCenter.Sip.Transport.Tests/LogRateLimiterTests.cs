using CallCenter.Sip.Transport.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Sip.Transport.Tests;

public sealed class LogRateLimiterTests
{
    [Fact]
    public void AllowsABurstPerWindowThenReportsWhatWasSuppressed()
    {
        var time = new FakeTimeProvider();
        var limiter = new LogRateLimiter(time, 3, TimeSpan.FromSeconds(10));

        for (int i = 0; i < 3; i++)
        {
            Assert.True(limiter.TryAcquire(out long none));
            Assert.Equal(0, none);
        }

        for (int i = 0; i < 1000; i++)
        {
            Assert.False(limiter.TryAcquire(out _));
        }

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(limiter.TryAcquire(out _));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire(out long suppressed));
        Assert.Equal(1001, suppressed);
        Assert.True(limiter.TryAcquire(out long sinceThen));
        Assert.Equal(0, sinceThen);
    }
}
