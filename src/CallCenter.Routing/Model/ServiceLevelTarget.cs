namespace CallCenter.Routing;

/// <summary>A service-level target such as "80 % answered within 20 s".</summary>
/// <param name="Fraction">Share of contacts that should be answered in time, 0–1.</param>
/// <param name="Threshold">The wait within which they should be answered.</param>
public readonly record struct ServiceLevelTarget(double Fraction, TimeSpan Threshold)
{
    /// <summary>80 % within 20 s, the usual contact-centre default.</summary>
    public static ServiceLevelTarget Default { get; } = new(0.8, TimeSpan.FromSeconds(20));
}
