using CallCenter.Calls.Routing;
using CallCenter.Server.Agents;

namespace CallCenter.Server.Http;

/// <summary>A queue's live figures as <c>GET /api/queues</c> shows them; counts are since the server started.</summary>
/// <param name="Name">Queue name.</param>
/// <param name="Waiting">Calls waiting (not ringing an agent).</param>
/// <param name="LongestWaitSeconds">Longest current wait, 0 when nobody waits.</param>
/// <param name="CallbacksPending">Callbacks not yet completed or given up.</param>
/// <param name="AgentsByState">Agents eligible for the queue by state (every state present; unregistered agents count as logged-out).</param>
/// <param name="Offered">Contacts that entered the queue.</param>
/// <param name="Answered">Contacts an agent answered.</param>
/// <param name="AnsweredWithinThreshold">Answered within the service-level threshold.</param>
/// <param name="AbandonedBeforeThreshold">Callers who hung up before the threshold.</param>
/// <param name="AbandonedAfterThreshold">Callers who hung up after the threshold.</param>
/// <param name="ServiceLevel">Answered within threshold ÷ (answered + abandoned after threshold), 0–1; null before any such contact.</param>
/// <param name="AverageSpeedOfAnswerSeconds">Average wait of answered contacts; null before the first answer.</param>
/// <param name="Rona">Offers an agent did not answer in time (ring no answer).</param>
public sealed record QueueView(
    string Name,
    int Waiting,
    double LongestWaitSeconds,
    int CallbacksPending,
    IReadOnlyDictionary<string, int> AgentsByState,
    long Offered,
    long Answered,
    long AnsweredWithinThreshold,
    long AbandonedBeforeThreshold,
    long AbandonedAfterThreshold,
    double? ServiceLevel,
    double? AverageSpeedOfAnswerSeconds,
    long Rona)
{
    /// <summary>The view of <paramref name="queue"/>.</summary>
    public static QueueView From(QueueStatus queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var totals = queue.Totals;
        return new QueueView(
            queue.Name,
            queue.Waiting,
            queue.LongestWait.TotalSeconds,
            queue.CallbacksPending,
            AgentStateNames.All.ToDictionary(AgentStateNames.Name, s => queue.AgentsByState.GetValueOrDefault(s)),
            totals.Offered,
            totals.Answered,
            totals.AnsweredWithinThreshold,
            totals.AbandonedBeforeThreshold,
            totals.AbandonedAfterThreshold,
            totals.ServiceLevel,
            totals.AverageSpeedOfAnswer?.TotalSeconds,
            totals.RingNoAnswer);
    }
}
