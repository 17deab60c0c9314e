using CallCenter.Calls.Routing;

namespace CallCenter.Calls.FeatureCodes;

/// <summary>The configured feature codes, looked up by the number dialled.</summary>
public sealed class FeatureCodeCatalog
{
    private readonly Dictionary<string, FeatureCode> _byNumber;

    private FeatureCodeCatalog(Dictionary<string, FeatureCode> byNumber, FeatureCodeOptions options)
    {
        _byNumber = byNumber;
        Options = options;
    }

    /// <summary>The options the catalog was made from.</summary>
    public FeatureCodeOptions Options { get; }

    /// <summary>Every code, in the order log in, log out, pause, unpause.</summary>
    public IReadOnlyCollection<FeatureCode> Codes => _byNumber.Values;

    /// <summary>
    /// The catalog of <paramref name="options"/>, or false with the reason when a code is empty, not dialable
    /// (digits, <c>*</c>, <c>#</c>) or used twice, or the pause reason is empty.
    /// </summary>
    public static bool TryCreate(FeatureCodeOptions options, out FeatureCodeCatalog? catalog, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        catalog = null;
        error = null;
        FeatureCode[] codes =
        [
            new(options.LogIn, AgentStateCommand.LogIn, null, FeatureCodePrompts.LoggedIn),
            new(options.LogOut, AgentStateCommand.LogOut, null, FeatureCodePrompts.LoggedOut),
            new(options.Pause, AgentStateCommand.Pause, options.PauseReason, FeatureCodePrompts.Paused),
            new(options.Unpause, AgentStateCommand.Unpause, null, FeatureCodePrompts.Available),
        ];
        if (string.IsNullOrWhiteSpace(options.PauseReason))
        {
            error = "FeatureCodes:PauseReason must not be empty";
            return false;
        }

        if (options.MaxCallDuration <= TimeSpan.Zero)
        {
            error = "FeatureCodes:MaxCallDuration must be positive";
            return false;
        }

        var byNumber = new Dictionary<string, FeatureCode>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (string.IsNullOrEmpty(code.Number) || !code.Number.All(c => char.IsAsciiDigit(c) || c is '*' or '#'))
            {
                error = $"FeatureCodes:{code.Command}: '{code.Number}' is not a dialable code (use digits, * and #, e.g. *21)";
                return false;
            }

            if (!byNumber.TryAdd(code.Number, code))
            {
                error = $"FeatureCodes:{code.Command}: '{code.Number}' is already the code for {byNumber[code.Number].Command}";
                return false;
            }
        }

        catalog = new FeatureCodeCatalog(byNumber, options);
        return true;
    }

    /// <summary>The code dialled as <paramref name="number"/>, if it is one.</summary>
    public bool TryFind(string? number, out FeatureCode? code)
    {
        code = null;
        return number is not null && _byNumber.TryGetValue(number, out code);
    }
}
