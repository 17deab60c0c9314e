using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Ivr.Runtime;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls;

/// <summary>What every call uses: media, agents, the flow runtime, the clock, options, logging, and who to tell when it ends.</summary>
internal sealed record CallServices(
    ICallMediaFactory MediaFactory,
    IAgentDialer Dialer,
    IAgentSelector Agents,
    FlowRuntime Flows,
    TimeProvider Time,
    CallOptions Options,
    ILogger Logger,
    Action<InboundCall> OnEnded);
