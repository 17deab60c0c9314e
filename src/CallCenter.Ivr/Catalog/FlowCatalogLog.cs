using Microsoft.Extensions.Logging;

namespace CallCenter.Ivr.Catalog;

/// <summary>Log messages of the flow catalog (source-generated).</summary>
internal static partial class FlowCatalogLog
{
    [LoggerMessage(EventId = 4620, Level = LogLevel.Information, Message = "IVR flows loaded from {Directory} (version {Version}): {Names}")]
    public static partial void Loaded(ILogger logger, string directory, long version, string names);

    [LoggerMessage(EventId = 4621, Level = LogLevel.Warning, Message = "IVR flows in {Directory} have warnings:\n{Problems}")]
    public static partial void Warnings(ILogger logger, string directory, string problems);

    [LoggerMessage(EventId = 4622, Level = LogLevel.Error,
        Message = "IVR flow change in {Directory} refused; the flows of version {Version} stay in use until the errors are fixed:\n{Problems}")]
    public static partial void Refused(ILogger logger, string directory, long version, string problems);

    [LoggerMessage(EventId = 4623, Level = LogLevel.Information, Message = "Watching {Directory} for changes to IVR flows")]
    public static partial void Watching(ILogger logger, string directory);

    [LoggerMessage(EventId = 4624, Level = LogLevel.Warning, Message = "Watching {Directory} failed ({Reason}); reloading every flow to catch up")]
    public static partial void WatchFailed(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 4625, Level = LogLevel.Error, Message = "Reloading the IVR flows in {Directory} failed; the flows loaded before stay in use")]
    public static partial void ReloadFailed(ILogger logger, string directory, Exception exception);
}
