namespace CallCenter.Config;

/// <summary>How callers who asked for a callback are called back.</summary>
/// <param name="Trunk">The trunk the calls are placed through.</param>
/// <param name="Attempts">Attempts before the callback is given up.</param>
/// <param name="RetryAfter">Wait between unsuccessful attempts.</param>
/// <param name="FromName">Display name shown to the caller.</param>
public sealed record CallbackSettings(string Trunk, int Attempts, TimeSpan RetryAfter, string FromName)
{
    /// <summary>Attempts when the file sets none.</summary>
    public const int DefaultAttempts = 3;

    /// <summary>Display name when the file sets none.</summary>
    public const string DefaultFromName = "Call Center";

    /// <summary>Wait between attempts when the file sets none.</summary>
    public static TimeSpan DefaultRetryAfter { get; } = TimeSpan.FromMinutes(5);
}
