namespace CallCenter.Config;

/// <summary>
/// The configuration file could not be used. <see cref="Exception.Message"/> lists every problem
/// found, one per line as <c>FILE:LINE:COLUMN: what is wrong</c>, sorted by position.
/// </summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception from one or more problems (in any order).</summary>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public ConfigException(IEnumerable<ConfigError> errors)
        : this(SortByPosition(errors))
    {
    }

    private ConfigException(ConfigError[] sortedErrors)
        : base(string.Join('\n', sortedErrors))
    {
        Errors = sortedErrors.AsReadOnly();
    }

    /// <summary>The problems, sorted by line then column (whole-file problems first).</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    private static ConfigError[] SortByPosition(IEnumerable<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ConfigError[] sorted = ConfigError.SortByPosition(errors);
        if (sorted.Length == 0)
        {
            throw new ArgumentException("At least one configuration error is required.", nameof(errors));
        }

        return sorted;
    }
}
