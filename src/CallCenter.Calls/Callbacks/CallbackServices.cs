using CallCenter.Calls.Actor;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using CallCenter.Calls.Trunks;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Callbacks;

/// <summary>What placing callbacks uses: routing, the agents' phones, the trunk, media, the clock, options and logging.</summary>
/// <param name="Router">Routing, which the callbacks wait in like calls.</param>
/// <param name="Agents">Rings agents (the same dialer inbound calls use, so the agent's hang-up reaches the callback).</param>
/// <param name="Trunk">Dials the customer.</param>
/// <param name="Media">Creates the agent's and the customer's media.</param>
/// <param name="Time">Clock for retries and ring timeouts.</param>
/// <param name="Options">Attempts, retry interval, timeouts.</param>
/// <param name="Logger">Log.</param>
/// <param name="Dispatch">Where each callback's events run (the thread pool; tests pass an inline dispatcher).</param>
public sealed record CallbackServices(
    IQueueRouter Router,
    IAgentDialer Agents,
    ITrunkDialer Trunk,
    ICallMediaFactory Media,
    TimeProvider Time,
    CallbackOptions Options,
    ILogger Logger,
    Action<Action> Dispatch)
{
    /// <summary>
    /// The services of a running server: agents are rung through <paramref name="calls"/>' own leg dialer, so an agent's
    /// BYE and re-INVITEs on a callback reach the callback just as they reach an inbound call.
    /// </summary>
    public static CallbackServices ForServer(
        CallManager calls, IQueueRouter router, ITrunkDialer trunk, ICallMediaFactory media, TimeProvider time, CallbackOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return new CallbackServices(router, calls.LegDialer, trunk, media, time, options, logger, SerialExecutor.ThreadPoolDispatch);
    }
}
