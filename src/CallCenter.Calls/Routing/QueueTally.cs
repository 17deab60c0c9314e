namespace CallCenter.Calls.Routing;

/// <summary>A queue's counts since the server started; changed only on the router's executor.</summary>
internal sealed class QueueTally
{
    public long Offered { get; set; }

    public long Answered { get; set; }

    public long AnsweredWithinThreshold { get; set; }

    public long AbandonedBeforeThreshold { get; set; }

    public long AbandonedAfterThreshold { get; set; }

    public TimeSpan TotalSpeedOfAnswer { get; set; }

    public long RingNoAnswer { get; set; }

    public QueueTotals Snapshot() => new(
        Offered, Answered, AnsweredWithinThreshold, AbandonedBeforeThreshold, AbandonedAfterThreshold, TotalSpeedOfAnswer, RingNoAnswer);
}
