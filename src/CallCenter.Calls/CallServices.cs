using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls;

/// <summary>
/// What every call uses: media, the agent dialer, routing (the router and where a queue node's request waits), the flow
/// runtime and flows by name, the clock, options, logging, and who to tell when it ends.
/// </summary>
internal sealed record CallServices(
    ICallMediaFactory MediaFactory,
    IAgentDialer Dialer,
    IQueueRouter Router,
    IQueuePlanner Queues,
    FlowRuntime Flows,
    Func<string, FlowDefinition?> FindFlow,
    TimeProvider Time,
    CallOptions Options,
    ILogger Logger,
    Action<InboundCall> OnEnded);
