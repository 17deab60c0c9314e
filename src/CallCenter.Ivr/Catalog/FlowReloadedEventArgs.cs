using CallCenter.Ivr.Loading;

namespace CallCenter.Ivr.Catalog;

/// <summary>The outcome of one reload of the flows folder, accepted or refused.</summary>
public sealed class FlowReloadedEventArgs : EventArgs
{
    /// <summary>Creates the outcome.</summary>
    public FlowReloadedEventArgs(bool accepted, long version, FlowSet checkedSet)
    {
        ArgumentNullException.ThrowIfNull(checkedSet);
        Accepted = accepted;
        Version = version;
        CheckedSet = checkedSet;
    }

    /// <summary>True when the new flows replaced the old ones; false when they had errors and the old ones stay.</summary>
    public bool Accepted { get; }

    /// <summary>The catalog's <see cref="FlowCatalog.Version"/> after the reload (unchanged when refused).</summary>
    public long Version { get; }

    /// <summary>What the folder held, with every problem found in it.</summary>
    public FlowSet CheckedSet { get; }
}
