namespace CallCenter.Routing;

/// <summary>
/// The line: higher priority first, then earliest original arrival (callbacks keep the caller's), then contact id
/// (ordinal) so that no two contacts ever compare equal.
/// </summary>
internal sealed class ContactOrder : IComparer<ContactEntry>
{
    /// <summary>Comparisons made so far: the engine's algorithmic work, counted so tests can show its O(log n) growth.</summary>
    public long Comparisons { get; private set; }

    public int Compare(ContactEntry? x, ContactEntry? y)
    {
        Comparisons++;
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        var a = x!.Contact;
        var b = y!.Contact;
        int byPriority = b.Priority.CompareTo(a.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        int byArrival = a.ArrivedAt.UtcTicks.CompareTo(b.ArrivedAt.UtcTicks);
        return byArrival != 0 ? byArrival : string.CompareOrdinal(a.Id, b.Id);
    }
}
