using System.Net.Sockets;

namespace CallCenter.Media.Transport.Polling;

/// <summary>
/// Waits for any of many sockets to become readable, so that one thread can service thousands of media sockets.
/// <see cref="Add"/> and <see cref="Remove"/> may be called from any thread; <see cref="Wait"/> only from the
/// owning receive thread. A socket must be removed before it is disposed.
/// </summary>
internal interface IReadinessPoller : IDisposable
{
    /// <summary>Short name for diagnostics ("epoll", "select").</summary>
    string Name { get; }

    /// <summary>Starts watching <paramref name="socket"/>; <see cref="Wait"/> reports it by <paramref name="token"/>.</summary>
    void Add(Socket socket, long token);

    /// <summary>Stops watching <paramref name="socket"/>. A wait already in progress may still report it once.</summary>
    void Remove(Socket socket);

    /// <summary>
    /// Blocks until at least one watched socket is readable or the timeout passes, then writes the tokens of
    /// readable sockets into <paramref name="ready"/> and returns how many were written (0 on timeout).
    /// </summary>
    int Wait(Span<long> ready, int timeoutMilliseconds);
}
