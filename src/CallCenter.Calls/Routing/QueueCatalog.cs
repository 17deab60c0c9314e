using CallCenter.Config;
using CallCenter.Routing;

namespace CallCenter.Calls.Routing;

/// <summary>
/// The contact-centre file's queues as the routing engine knows them, plus the implicit queue
/// <see cref="DefaultQueueSettings.Name"/> (unless the file defines one of that name), and the rule that maps a
/// queue node's skills to one of them (<see cref="CallCenterConfig.TryFindQueue"/>).
/// </summary>
public sealed class QueueCatalog
{
    private readonly CallCenterConfig _config;
    private readonly Dictionary<string, QueuePlacement> _settings = new(StringComparer.Ordinal);

    /// <summary>Builds the catalog.</summary>
    /// <param name="config">The contact-centre file.</param>
    /// <param name="defaults">Settings of the implicit default queue.</param>
    /// <param name="defaultRingTimeout">Ring timeout of the default queue when <paramref name="defaults"/> sets none.</param>
    public QueueCatalog(CallCenterConfig config, DefaultQueueSettings defaults, TimeSpan defaultRingTimeout)
    {
        _config = config;
        var definitions = config.Queues.Select(ToDefinition).ToList();
        foreach (var queue in config.Queues)
        {
            _settings[queue.Name] = new QueuePlacement(queue.Name, queue.Priority, null, queue.AnnounceEvery, queue.CallbackOfferAfter, queue.HoldMusic);
        }

        if (!config.QueuesByName.ContainsKey(DefaultQueueSettings.Name))
        {
            definitions.Add(DefaultDefinition(defaults, defaultRingTimeout));
            var announce = defaults.AnnounceEvery is { } every && every > TimeSpan.Zero ? every : (TimeSpan?)null;
            _settings[DefaultQueueSettings.Name] = new QueuePlacement(DefaultQueueSettings.Name, QueueConfig.DefaultPriority, null, announce, null, defaults.HoldMusic);
        }

        Definitions = definitions;
    }

    /// <summary>Every queue, configured ones in file order, then the default one.</summary>
    public IReadOnlyList<QueueDefinition> Definitions { get; }

    /// <summary>
    /// Where a queue node's request waits. A queue whose skills are exactly the request's takes it with the queue's own
    /// requirements; one that matches once the language skills are left out takes it with those language skills added
    /// (at proficiency 1 or more); otherwise the default queue takes it, requiring every skill asked for. The priority is
    /// the request's, raised to a configured queue's when lower, so a queue set above others stays above them.
    /// </summary>
    public QueuePlacement Place(IReadOnlyList<string> skills, int priority)
    {
        if (_config.TryFindQueue(skills, out var queue))
        {
            var extra = skills.Where(s => !queue.Skills.ContainsKey(s)).ToList();
            IReadOnlyList<SkillRequirement>? requirements = extra.Count == 0
                ? null
                : [.. queue.Skills.Select(s => new SkillRequirement(s.Key, s.Value)), .. extra.Select(s => new SkillRequirement(s, SkillRequirement.MinLevel))];
            return _settings[queue.Name] with { Priority = Math.Max(priority, queue.Priority), Requirements = requirements };
        }

        var fallback = _settings[DefaultQueueSettings.Name];
        return fallback with
        {
            Priority = priority,
            Requirements = [.. skills.Select(s => new SkillRequirement(s, SkillRequirement.MinLevel))],
        };
    }

    private static QueueDefinition ToDefinition(QueueConfig q) => new(q.Name, [.. q.Skills.Select(s => new SkillRequirement(s.Key, s.Value))])
    {
        Priority = q.Priority,
        ServiceLevel = new ServiceLevelTarget(q.ServiceLevel.AnsweredPercent / 100.0, q.ServiceLevel.Within),
        MaxWait = q.MaxWait,
        WhenMaxWait = ToFallback(q.WhenMaxWait),
        WhenNobodyLoggedIn = ToFallback(q.WhenNobodyLoggedIn),
        Strategy = q.Strategy switch
        {
            QueueStrategy.LongestIdle => RoutingStrategy.LongestIdle,
            QueueStrategy.RoundRobin => RoutingStrategy.RoundRobin,
            QueueStrategy.FewestCalls => RoutingStrategy.FewestCalls,
            _ => RoutingStrategy.BestSkill,
        },
        RingTimeout = q.RingTimeout,
        MaxConsecutiveMisses = q.MaxMissedCalls,
        WrapUp = q.WrapUp,
        RejectDelay = q.RejectDelay,
        Expansion = [.. q.Expand.Select(step => new ExpansionStep(
            step.After, step.MinProficiency, [.. step.AddSkills.Select(s => new SkillRequirement(s, SkillRequirement.MinLevel))]))],
    };

    private static QueueFallback ToFallback(QueueFallbackRule rule) => rule.Kind switch
    {
        QueueFallbackKind.Callback => QueueFallback.Callback,
        QueueFallbackKind.Overflow => QueueFallback.OverflowTo(rule.OverflowQueue!),
        QueueFallbackKind.Wait => QueueFallback.Wait,
        _ => QueueFallback.Message,
    };

    private static QueueDefinition DefaultDefinition(DefaultQueueSettings defaults, TimeSpan defaultRingTimeout) => new(DefaultQueueSettings.Name, [])
    {
        Priority = QueueConfig.DefaultPriority,
        MaxWait = defaults.MaxWait,
        WhenMaxWait = QueueFallback.Message,
        WhenNobodyLoggedIn = defaults.NoAgentWhenNobodyLoggedIn ? QueueFallback.Message : QueueFallback.Wait,
        RingTimeout = defaults.RingTimeout ?? defaultRingTimeout,
        MaxConsecutiveMisses = Math.Max(1, defaults.MaxMissedCalls),
        WrapUp = defaults.WrapUp,
        RejectDelay = defaults.RejectDelay,
    };
}
