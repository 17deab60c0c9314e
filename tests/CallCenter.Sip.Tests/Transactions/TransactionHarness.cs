using CallCenter.Sip.Transactions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>A transaction layer over a fake clock, a recording sender and a recording user. No sockets.</summary>
internal sealed class TransactionHarness
{
    public TransactionHarness(SipTimerOptions? options = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Start = Time.GetUtcNow();
        Sender = new RecordingSender(Time);
        User = new RecordingUser(Time);
        Layer = new SipTransactionLayer(Sender, User, Time, options ?? new SipTimerOptions(), NullLogger.Instance);
    }

    public FakeTimeProvider Time { get; }

    public DateTimeOffset Start { get; }

    public RecordingSender Sender { get; }

    public RecordingUser User { get; }

    public SipTransactionLayer Layer { get; }

    /// <summary>Time since the harness was built.</summary>
    public TimeSpan Now => Time.GetUtcNow() - Start;

    /// <summary>Advances the clock in 10 ms steps so that every timer fires at its own instant.</summary>
    public void RunFor(TimeSpan duration)
    {
        var step = TimeSpan.FromMilliseconds(10);
        var end = Now + duration;
        while (Now + step <= end)
        {
            Time.Advance(step);
        }

        if (end > Now)
        {
            Time.Advance(end - Now);
        }
    }

    /// <summary>Advances the clock to <paramref name="at"/> (time since start).</summary>
    public void RunUntil(TimeSpan at) => RunFor(at - Now);

    /// <summary>Asserts that every transaction has left the tables and the gauges are back at zero.</summary>
    public void AssertTablesEmpty()
    {
        Assert.Equal(0, Layer.ServerTransactionCount);
        Assert.Equal(0, Layer.ClientTransactionCount);
        Assert.Equal(0, Layer.Counters.ActiveServer);
        Assert.Equal(0, Layer.Counters.ActiveClient);
    }

    public static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    public static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);
}
