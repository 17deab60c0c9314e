using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;

namespace CallCenter.Ivr.Validation;

/// <summary>Collects the problems the checks find in one flow file.</summary>
internal sealed class ProblemList(string source)
{
    private readonly List<FlowProblem> _problems = [];

    public IReadOnlyList<FlowProblem> All => _problems;

    public void Error(FlowPosition at, string message) => _problems.Add(FlowProblem.Error(source, at, message));

    public void Warning(FlowPosition at, string message) => _problems.Add(FlowProblem.Warning(source, at, message));
}
