using CallCenter.Calls.Actor;
using CallCenter.Config;
using CallCenter.Routing;
using CallCenter.Sip.Registrar;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Routing;

/// <summary>
/// The live router: owns the one <see cref="RoutingEngine"/> and drives it from one <see cref="SerialExecutor"/>, so the
/// engine stays single-threaded. Contacts' owners post events (<see cref="IQueueRouter"/>), registrations come from the
/// <see cref="BindingStore"/>, time from one timer armed for the engine's next due time; the engine's decisions are
/// carried out by telling each contact's <see cref="IRoutedContact"/> and every <see cref="IRoutingObserver"/>.
/// Supervisors read it through <see cref="IContactCentre"/>.
/// </summary>
public sealed partial class RoutingCoordinator : IQueueRouter, IQueuePlanner, IContactCentre, IDisposable
{
    private readonly RoutingEngine _engine;
    private readonly QueueCatalog _queues;
    private readonly BindingStore _bindings;
    private readonly CallCenterConfig _config;
    private readonly IRoutingObserver[] _observers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SerialExecutor _executor;
    private readonly ITimer _timer;
    private readonly Dictionary<string, ContactTicket> _tickets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QueueTally> _tallies = new(StringComparer.Ordinal);
    private DateTimeOffset? _timerDue;

    /// <summary>Builds the engine from the file's queues and agents and starts following registrations.</summary>
    /// <param name="config">Agents and queues.</param>
    /// <param name="bindings">The registrar's bindings: an agent is offered calls only while registered.</param>
    /// <param name="options">Start-up state of agents and the default queue.</param>
    /// <param name="callOptions">The default queue's ring timeout when <paramref name="options"/> sets none.</param>
    /// <param name="observers">Told of routing events (metrics, the agent-state log).</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Log.</param>
    /// <param name="dispatch">Where the router runs (the thread pool; tests pass an inline dispatcher).</param>
    public RoutingCoordinator(
        CallCenterConfig config,
        BindingStore bindings,
        RoutingOptions options,
        CallOptions callOptions,
        IEnumerable<IRoutingObserver> observers,
        TimeProvider time,
        ILogger<RoutingCoordinator> logger,
        Action<Action>? dispatch = null)
    {
        _config = config;
        _bindings = bindings;
        _observers = [.. observers];
        _time = time;
        _logger = logger;
        _queues = new QueueCatalog(config, options.DefaultQueue, callOptions.RingTimeout);
        _engine = new RoutingEngine(_queues.Definitions, new RoutingEngineOptions { AgentHistoryLimit = Math.Max(1, options.AgentHistoryLimit) });
        foreach (var queue in _queues.Definitions)
        {
            _tallies[queue.Id] = new QueueTally();
        }

        _executor = new SerialExecutor(dispatch ?? SerialExecutor.ThreadPoolDispatch, e => _logger.LogError(e, "Routing event failed"));
        _timer = time.CreateTimer(_ => _executor.Post(OnTimer), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _agentMarks = new AgentMark[config.Agents.Count];
        _executor.Post(() => AddAgents(options.AgentsStartLoggedIn));
        bindings.Changed += OnBindingChanged;
    }

    /// <summary>Every queue routing knows: the file's, then the implicit default queue.</summary>
    public IReadOnlyList<QueueDefinition> Queues => _queues.Definitions;

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <inheritdoc />
    public QueuePlacement Place(IReadOnlyList<string> skills, int priority) => _queues.Place(skills, priority);

    /// <inheritdoc />
    public void Dispose()
    {
        _bindings.Changed -= OnBindingChanged;
        _timer.Dispose();
    }

    /// <summary>
    /// Carries out what one engine call produced: its decisions (which may lead to further engine calls, applied in
    /// turn), then the agents whose state changed, then the timer for the engine's next due time.
    /// </summary>
    private void Apply(RoutingResult result, string what)
    {
        var pending = new Queue<RoutingResult>();
        pending.Enqueue(result);
        if (!result.Applied)
        {
            _logger.LogDebug("Routing: {What} not applied: {Error}", what, result.Error);
        }

        while (pending.TryDequeue(out var next))
        {
            foreach (var decision in next.Decisions)
            {
                if (CarryOut(decision) is { } follow)
                {
                    pending.Enqueue(follow);
                }
            }
        }

        NoticeAgentChanges();
        ArmTimer();
    }

    private void OnTimer()
    {
        // Forgotten first, so the timer is armed again even if it fired a moment early and nothing fell due.
        _timerDue = null;
        Apply(_engine.AdvanceTo(Now), "timer");
    }

    /// <summary>One timer for the engine's earliest due time; a due time already passed is applied at once.</summary>
    private void ArmTimer()
    {
        var due = _engine.NextTimerDue;
        if (due == _timerDue)
        {
            return;
        }

        _timerDue = due;
        if (due is not { } at)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var delay = at - Now;
        _timer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void Observe(Action<IRoutingObserver> tell)
    {
        foreach (var observer in _observers)
        {
            try
            {
                tell(observer);
            }
            catch (Exception e)
            {
                // A broken metrics sink must not stop routing.
                _logger.LogError(e, "Routing observer {Observer} failed", observer.GetType().Name);
            }
        }
    }
}
