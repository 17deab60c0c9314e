using System.Collections.Concurrent;

namespace CallCenter.Calls.Actor;

/// <summary>
/// Runs posted work items one at a time, in the order posted, without a thread of its own: the owner of a
/// call. While idle it costs nothing; when work arrives it is drained on the dispatcher (the thread pool in
/// production, the posting thread in tests). Work posted while draining joins the same drain, so a call never
/// handles two events at once and never needs locks for its own state.
/// </summary>
public sealed class SerialExecutor(Action<Action> dispatch, Action<Exception> onError)
{
    private readonly ConcurrentQueue<Action> _queue = new();
    private int _draining;

    /// <summary>Dispatches drains on the thread pool.</summary>
    public static Action<Action> ThreadPoolDispatch { get; } = work => ThreadPool.UnsafeQueueUserWorkItem(static w => w(), work, preferLocal: false);

    /// <summary>Runs drains on the posting thread (tests).</summary>
    public static Action<Action> InlineDispatch { get; } = work => work();

    /// <summary>Queues <paramref name="work"/> to run after everything posted before it.</summary>
    public void Post(Action work)
    {
        _queue.Enqueue(work);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            dispatch(Drain);
        }
    }

    private void Drain()
    {
        while (true)
        {
            while (_queue.TryDequeue(out var work))
            {
                try
                {
                    work();
                }
                catch (Exception e)
                {
                    onError(e);
                }
            }

            Volatile.Write(ref _draining, 0);

            // Work posted between the last TryDequeue and the flag reset would otherwise wait for the next post.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
