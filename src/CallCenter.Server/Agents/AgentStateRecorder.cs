using System.Threading.Channels;
using CallCenter.Calls.Routing;
using CallCenter.Store;

namespace CallCenter.Server.Agents;

/// <summary>
/// Keeps every agent state change in the store's <see cref="AgentStateLog"/> (the agent's history in the API, and
/// reports). Routing reports changes on its own executor, which must not wait for a disk sync, so changes are queued
/// here and written in order by a background loop; the queue is drained before the host stops.
/// </summary>
public sealed class AgentStateRecorder(AgentStateLog log, ILogger<AgentStateRecorder> logger) : IHostedService, IRoutingObserver
{
    /// <summary>How long queued changes may still be written once the host's own shutdown deadline has passed.</summary>
    public static readonly TimeSpan GraceAfterDeadline = TimeSpan.FromSeconds(2);

    private readonly Channel<AgentStateEntry> _pending = Channel.CreateUnbounded<AgentStateEntry>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _writer;

    /// <summary>The loop writing queued changes, once started; it ends when the host stops and the queue is empty.</summary>
    public Task? Writer => _writer;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not tied to any token: the loop must outlive a stop request until it has written everything queued.
        _writer = Task.Run(WriteQueuedAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void AgentStateChanged(AgentStatus agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        _pending.Writer.TryWrite(new AgentStateEntry(agent.StateSince, agent.Extension, AgentStateNames.Name(agent.State), agent.PauseReason));
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // No new changes are accepted; the loop writes what is queued and ends (or the host gives up waiting).
        _pending.Writer.TryComplete();
        if (_writer is not { } writer)
        {
            return;
        }

        try
        {
            await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown deadline passed while another service used the time (SIP waits for its last
            // transactions). Writing what is queued takes milliseconds, so it still gets a short grace of its own;
            // past that, stopping must still succeed, and what could not be written is said, not thrown.
            try
            {
                await writer.WaitAsync(GraceAfterDeadline).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                logger.LogWarning("Stopped past the host's shutdown deadline; agent state changes still queued are not recorded");
            }
        }
    }

    private async Task WriteQueuedAsync()
    {
        // Routing also reports an agent whose registration changed while its state did not (the same state, since
        // and reason again): the history holds state changes, so such a repeat is not written twice.
        var lastWritten = new Dictionary<string, AgentStateEntry>(StringComparer.Ordinal);
        await foreach (var change in _pending.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (lastWritten.TryGetValue(change.Extension, out var last) && last == change)
            {
                continue;
            }

            lastWritten[change.Extension] = change;
            Write(change);
        }
    }

    private void Write(AgentStateEntry change)
    {
        try
        {
            log.Append(change);
        }
        catch (Exception e) when (e is StoreException or Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            // A full or broken disk must not stop routing; the change is lost from history only, and said so.
            logger.LogError(e, "Could not record agent {Extension} entering {State} at {At}", change.Extension, change.State, change.At);
        }
    }
}
