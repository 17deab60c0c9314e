using CallCenter.Routing;

namespace CallCenter.Calls.Routing;

/// <summary>What the router keeps about a live contact besides the engine's view: who owns it and its timings.</summary>
internal sealed class ContactTicket(WaitingContact contact, IRoutedContact owner, DateTimeOffset enqueuedAt)
{
    /// <summary>The contact as handed to routing.</summary>
    public WaitingContact Contact { get; } = contact;

    /// <summary>Hears of offers, withdrawals and leaving.</summary>
    public IRoutedContact Owner { get; } = owner;

    /// <summary>The queue it waits in now (changes on overflow); its figures count there.</summary>
    public string QueueId { get; set; } = contact.QueueId;

    /// <summary>When it entered routing (for the estimate check: the wait until its first offer).</summary>
    public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;

    /// <summary>The wait it was told on arrival, or null when unknown.</summary>
    public TimeSpan? ToldWait { get; set; }

    /// <summary>Whether it has had an offer (the estimate is checked at the first).</summary>
    public bool Offered { get; set; }

    /// <summary>When an agent answered it, or null while it is not connected.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }
}
