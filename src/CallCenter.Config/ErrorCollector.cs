using CallCenter.Config.Yaml;

namespace CallCenter.Config;

/// <summary>
/// Gathers every problem found while loading one file, so the operator sees them all at once
/// instead of fixing them one run at a time.
/// </summary>
public sealed class ErrorCollector(string source)
{
    private readonly List<ConfigError> _errors = [];

    // A node reached through several aliases is validated once per alias; report it once.
    private readonly HashSet<ConfigError> _distinct = [];

    /// <summary>True once any problem has been added.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>Records a problem at <paramref name="at"/>; the same problem at the same place is kept once.</summary>
    public void Add(TextPosition at, string message)
    {
        var error = new ConfigError(source, at.Line, at.Column, message);
        if (_distinct.Add(error))
        {
            _errors.Add(error);
        }
    }

    /// <summary>The problems by line then column; problems at one place keep the order found.</summary>
    public IReadOnlyList<ConfigError> Sorted() => ConfigError.SortByPosition(_errors);
}
