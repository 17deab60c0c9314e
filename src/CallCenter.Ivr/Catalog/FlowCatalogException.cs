using CallCenter.Ivr.Loading;

namespace CallCenter.Ivr.Catalog;

/// <summary>
/// The flows folder could not be loaded at start. <see cref="Exception.Message"/> lists every problem, one per
/// line as <c>FILE:LINE:COLUMN: error|warning: message</c>, followed by the summary line.
/// </summary>
public sealed class FlowCatalogException : Exception
{
    /// <summary>Creates the exception for the checked folder <paramref name="directory"/>.</summary>
    public FlowCatalogException(string directory, FlowSet checkedSet)
        : base(Describe(directory, checkedSet))
    {
        CheckedSet = checkedSet;
    }

    /// <summary>What the folder held, with every problem found in it.</summary>
    public FlowSet CheckedSet { get; }

    private static string Describe(string directory, FlowSet checkedSet)
    {
        ArgumentNullException.ThrowIfNull(checkedSet);
        return $"the IVR flows in {directory} have errors:\n{FlowProblemText.Lines(checkedSet)}";
    }
}
