namespace CallCenter.Server.Flows;

/// <summary>The <c>Flows</c> configuration section.</summary>
public sealed class FlowSettings
{
    /// <summary>The default flows folder.</summary>
    public const string DefaultDirectory = "ivr-flows";

    /// <summary>Folder of IVR flow files (<c>NAME.yaml</c>); relative paths are resolved like the prompt folder.</summary>
    public string Directory { get; set; } = DefaultDirectory;
}
