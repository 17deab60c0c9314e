using CallCenter.Routing;

namespace CallCenter.Calls.Routing;

/// <summary>The supervisors' and agents' view (<see cref="IContactCentre"/>), read and changed on the router's executor.</summary>
public sealed partial class RoutingCoordinator
{
    private ICallbackBacklog? _callbackBacklog;

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentStatus>> GetAgentsAsync() =>
        OnRouter<IReadOnlyList<AgentStatus>>(() => [.. _engine.Agents.Select(StatusOf)]);

    /// <summary>
    /// Where the queue figures count pending callbacks from, once callbacks are configured: it knows those timed for a
    /// later try too, which routing does not hold. Without one, the callbacks routing holds are counted.
    /// </summary>
    public ICallbackBacklog? CallbackBacklog
    {
        get => Volatile.Read(ref _callbackBacklog);
        set => Volatile.Write(ref _callbackBacklog, value);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueStatus>> GetQueuesAsync() => OnRouter<IReadOnlyList<QueueStatus>>(() =>
    {
        var now = Now;
        var contacts = _engine.SnapshotContacts();
        var backlog = CallbackBacklog?.PendingByQueue();
        return [.. _queues.Definitions.Select(queue => QueueStatusOf(queue, contacts, backlog, now))];
    });

    /// <inheritdoc />
    public Task<AgentStateChangeResult> ChangeAgentStateAsync(string extension, AgentStateCommand command, string? reason) => OnRouter(() =>
    {
        var now = Now;
        if (_engine.GetAgent(extension) is not { } agent)
        {
            return new AgentStateChangeResult(null, $"There is no agent with extension '{extension}'.");
        }

        var result = command switch
        {
            AgentStateCommand.LogIn => _engine.LogIn(extension, now),
            AgentStateCommand.LogOut => _engine.LogOut(extension, now),
            AgentStateCommand.Pause => _engine.Pause(extension, string.IsNullOrWhiteSpace(reason) ? "break" : reason.Trim(), now),
            _ => _engine.Resume(extension, now),
        };
        Apply(result, $"{command} of {extension}");
        return new AgentStateChangeResult(StatusOf(agent), result.Error);
    });

    private QueueStatus QueueStatusOf(QueueDefinition queue, IReadOnlyList<ContactSnapshot> contacts, IReadOnlyDictionary<string, int>? backlog, DateTimeOffset now)
    {
        int waiting = 0, callbacks = 0;
        var longest = TimeSpan.Zero;
        foreach (var contact in contacts)
        {
            if (QueueOf(contact) != queue.Id)
            {
                continue;
            }

            if (contact.Contact.Kind == ContactKind.Callback)
            {
                callbacks++;
            }
            else if (contact.State == ContactState.Waiting)
            {
                waiting++;
                var wait = now - contact.Contact.ArrivedAt;
                longest = wait > longest ? wait : longest;
            }
        }

        var byState = Enum.GetValues<AgentState>().ToDictionary(s => s, _ => 0);
        foreach (var agent in _engine.Agents)
        {
            if (queue.Requirements.All(r => r.IsMetBy(agent.Skills)))
            {
                byState[agent.Registered ? agent.State : AgentState.LoggedOut]++;
            }
        }

        if (backlog is not null)
        {
            callbacks = backlog.GetValueOrDefault(queue.Id);
        }

        return new QueueStatus(queue.Id, waiting, longest, callbacks, byState, Tally(queue.Id).Snapshot());
    }

    private string QueueOf(ContactSnapshot contact) =>
        _tickets.TryGetValue(contact.Contact.Id, out var ticket) ? ticket.QueueId : contact.Contact.QueueId;
}
