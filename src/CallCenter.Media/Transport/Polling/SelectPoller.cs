using System.Net.Sockets;

namespace CallCenter.Media.Transport.Polling;

/// <summary>
/// Portable poller over <c>Socket.Select</c>, for platforms without epoll. Each wait scans every socket,
/// so it costs more per packet than epoll as the number of calls grows, but it keeps the same small number of
/// threads. The socket set is copied on change, so a wait never sees it half-updated.
/// </summary>
internal sealed class SelectPoller : IReadinessPoller
{
    private readonly Lock _lock = new();
    private readonly List<Socket> _checkRead = [];
    private Dictionary<Socket, long> _tokens = new(ReferenceEqualityComparer.Instance);
    private Socket[] _sockets = [];

    public string Name => "select";

    public void Add(Socket socket, long token)
    {
        lock (_lock)
        {
            var tokens = new Dictionary<Socket, long>(_tokens, ReferenceEqualityComparer.Instance) { [socket] = token };
            Publish(tokens);
        }
    }

    public void Remove(Socket socket)
    {
        lock (_lock)
        {
            if (!_tokens.ContainsKey(socket))
            {
                return;
            }

            var tokens = new Dictionary<Socket, long>(_tokens, ReferenceEqualityComparer.Instance);
            tokens.Remove(socket);
            Publish(tokens);
        }
    }

    public int Wait(Span<long> ready, int timeoutMilliseconds)
    {
        var sockets = Volatile.Read(ref _sockets);
        var tokens = Volatile.Read(ref _tokens);
        if (sockets.Length == 0)
        {
            Thread.Sleep(timeoutMilliseconds);
            return 0;
        }

        _checkRead.Clear();
        _checkRead.AddRange(sockets);
        try
        {
            Socket.Select(_checkRead, null, null, timeoutMilliseconds * 1000);
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            // A socket was closed between the snapshot and the wait; the next wait uses the updated set.
            return 0;
        }

        int count = 0;
        foreach (var socket in _checkRead)
        {
            if (count < ready.Length && tokens.TryGetValue(socket, out long token))
            {
                ready[count++] = token;
            }
        }

        return count;
    }

    public void Dispose()
    {
    }

    private void Publish(Dictionary<Socket, long> tokens)
    {
        Volatile.Write(ref _sockets, [.. tokens.Keys]);
        Volatile.Write(ref _tokens, tokens);
    }
}
