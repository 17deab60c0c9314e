using Microsoft.Extensions.Logging;

namespace CallCenter.Ivr.Runtime;

/// <summary>Log messages of the flow runtime (source-generated, no allocation when the level is off).</summary>
internal static partial class FlowLog
{
    [LoggerMessage(EventId = 4601, Level = LogLevel.Debug, Message = "Flow {Flow}: {Trigger} has no effect in node {Node}; ignored")]
    public static partial void TriggerIgnored(ILogger logger, string flow, FlowTrigger trigger, string node);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Debug, Message = "Flow {Flow}: stale {Event} (generation {Generation}) ignored in node {Node}")]
    public static partial void StaleEvent(ILogger logger, string flow, string @event, int generation, string node);

    [LoggerMessage(EventId = 4603, Level = LogLevel.Debug, Message = "Flow {Flow}: {Event} after the run ended ({Outcome}); ignored")]
    public static partial void AfterEnd(ILogger logger, string flow, string @event, FlowOutcome outcome);

    [LoggerMessage(EventId = 4604, Level = LogLevel.Debug, Message = "Flow {Flow}: {Key} is not a keypad key; ignored in node {Node}")]
    public static partial void NotAKey(ILogger logger, string flow, int key, string node);

    [LoggerMessage(EventId = 4605, Level = LogLevel.Warning,
        Message = "Flow {Flow}: node {Node} transfers to flow {Target}, which is not loaded; the caller hears goodbye and is released")]
    public static partial void UnknownFlow(ILogger logger, string flow, string node, string target);

    [LoggerMessage(EventId = 4606, Level = LogLevel.Warning,
        Message = "Flow {Flow}: node {Node} changed flows {Count} times without caller input (a loop across flows); the caller hears goodbye and is released")]
    public static partial void FlowLoop(ILogger logger, string flow, string node, int count);
}
