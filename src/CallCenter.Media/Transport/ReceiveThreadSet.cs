namespace CallCenter.Media.Transport;

/// <summary>
/// The receive threads of one <see cref="MediaReceiver"/>, so that code can tell whether it runs inside a receive
/// callback: waiting there for another receive thread could deadlock two threads waiting for each other.
/// </summary>
internal sealed class ReceiveThreadSet
{
    private readonly Lock _lock = new();
    private Thread[] _threads = [];

    public void Add(Thread thread)
    {
        lock (_lock)
        {
            _threads = [.. _threads, thread];
        }
    }

    /// <summary>True when the calling thread is one of the receive threads.</summary>
    public bool IsCurrentThreadIncluded => Array.IndexOf(Volatile.Read(ref _threads), Thread.CurrentThread) >= 0;
}
