namespace CallCenter.Calls.FeatureCodes;

/// <summary>
/// The numbers an agent dials from its softphone to change its own state (configuration section <c>FeatureCodes</c>).
/// </summary>
public sealed class FeatureCodeOptions
{
    /// <summary>Log in: available for calls.</summary>
    public string LogIn { get; set; } = "*21";

    /// <summary>Log out: no calls.</summary>
    public string LogOut { get; set; } = "*22";

    /// <summary>Pause with <see cref="PauseReason"/>.</summary>
    public string Pause { get; set; } = "*23";

    /// <summary>End a pause: available again.</summary>
    public string Unpause { get; set; } = "*24";

    /// <summary>The reason recorded for a pause dialled with <see cref="Pause"/>.</summary>
    public string PauseReason { get; set; } = "break";

    /// <summary>
    /// Longest a feature-code call lasts: if the confirmation has not finished playing by then (the state change or
    /// the media is stuck), the call is ended anyway.
    /// </summary>
    public TimeSpan MaxCallDuration { get; set; } = TimeSpan.FromSeconds(15);
}
