namespace CallCenter.Media.Audio;

/// <summary>
/// The prompt directory could not be loaded. <see cref="Exception.Message"/> lists every
/// problem found, one per line as <c>FILE: what is wrong</c>.
/// </summary>
public sealed class PromptLibraryException : Exception
{
    /// <summary>Creates the exception from one or more problems.</summary>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public PromptLibraryException(IReadOnlyList<AudioError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, sorted by file.</summary>
    public IReadOnlyList<AudioError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<AudioError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is required.", nameof(errors));
        }

        return string.Join('\n', errors);
    }
}
