namespace CallCenter.Sip.Core;

/// <summary>The number of an inbound caller, and where it came from.</summary>
/// <param name="Number">
/// The number as signalled (a tel URI's number without visual separators, or the SIP URI's user part); null when the
/// caller is anonymous, withheld or gave none.
/// </param>
/// <param name="Source">Where it was read.</param>
public sealed record CallerIdentity(string? Number, CallerIdentitySource Source)
{
    /// <summary>No number: anonymous, withheld, or absent.</summary>
    public static CallerIdentity Withheld { get; } = new(null, CallerIdentitySource.Withheld);
}
