using System.Net;
using System.Net.Sockets;
using CallCenter.Sip.Transport.Logging;

namespace CallCenter.Sip.Transport.Tcp;

/// <summary>
/// One open TCP connection, accepted or outgoing: a read loop that frames SIP messages out of the stream
/// (RFC 3261 §18.3) and delivers them in order, and serialized writes.
/// </summary>
internal sealed class TcpConnection
{
    private const int InitialBufferSize = 4096;

    // RFC 5626 §4.4.1: a CRLFCRLF ping is answered with a single CRLF pong.
    private static readonly ReadOnlyMemory<byte> PongBytes = "\r\n"u8.ToArray();

    private readonly Socket _socket;
    private readonly TransportContext _context;
    private readonly Action<TcpConnection> _onClosed;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _completion = Task.CompletedTask;
    private long _lastActivity;
    private int _closed;
    private int _lineFeedsSinceMessage;

    public TcpConnection(
        long id,
        Socket socket,
        IPEndPoint remote,
        TransportContext context,
        Action<TcpConnection> onClosed)
    {
        Id = id;
        _socket = socket;
        Remote = remote;
        Local = (IPEndPoint)socket.LocalEndPoint!;
        _context = context;
        _onClosed = onClosed;
        _lastActivity = context.Time.GetTimestamp();
    }

    public long Id { get; }

    public IPEndPoint Local { get; }

    public IPEndPoint Remote { get; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Timestamp (of the context's TimeProvider) of the last byte read or written.</summary>
    public long LastActivity => Volatile.Read(ref _lastActivity);

    /// <summary>Completes when the read loop has ended and the connection is closed.</summary>
    public Task Completion => _completion;

    /// <summary>Starts the read loop on the thread pool.</summary>
    public void Start() => _completion = Task.Run(ReadLoopAsync);

    /// <summary>Writes one whole message; false (connection then closed) if it cannot be written.</summary>
    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> message)
    {
        bool written = await WriteAsync(message).ConfigureAwait(false);
        if (written)
        {
            _context.Counters.TcpSent(message.Length);
        }
        else
        {
            _context.Counters.TcpSendFailed();
        }

        return written;
    }

    /// <summary>Closes the socket (once); the read loop then ends and the connection leaves the table.</summary>
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        // Leave the table first, so that no sender picks this connection once the peer can see it closing.
        _onClosed(this);
        _closing.Cancel();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer; closing is all that is left to do.
        }

        _socket.Dispose();
        TransportLog.TcpConnectionClosed(_context.Logger, Id, Remote, reason);
    }

    private async Task ReadLoopAsync()
    {
        string reason = "closed by peer";
        var options = _context.Options;
        int maxMessage = options.MaxHeaderBytes + options.MaxBodyBytes;
        var buffer = new StreamReceiveBuffer(Math.Min(InitialBufferSize, maxMessage), maxMessage);
        try
        {
            while (true)
            {
                // Unreachable while the framer keeps its limits: it returns Invalid before a message could
                // outgrow MaxHeaderBytes + MaxBodyBytes. Kept so that a bug there cannot become a busy loop.
                if (!buffer.TryMakeRoom())
                {
                    OnFramingError("message does not fit the receive buffer");
                    reason = "receive buffer full";
                    break;
                }

                int received = await _socket.ReceiveAsync(buffer.Free, SocketFlags.None, _closing.Token)
                    .ConfigureAwait(false);
                if (received == 0)
                {
                    break;
                }

                Touch();
                buffer.Commit(received);
                var outcome = ProcessFrames(buffer, out string? invalidReason);
                if (outcome == FramesOutcome.Invalid)
                {
                    OnFramingError(invalidReason!);
                    reason = "framing error: " + invalidReason;
                    break;
                }

                if (outcome == FramesOutcome.PongDue && await WriteAsync(PongBytes).ConfigureAwait(false))
                {
                    _context.Counters.TcpPongSent();
                }
            }
        }
        catch (OperationCanceledException)
        {
            reason = "closed locally";
        }
        catch (ObjectDisposedException)
        {
            reason = "closed locally";
        }
        catch (SocketException e)
        {
            reason = e.SocketErrorCode.ToString();
        }
        finally
        {
            Close(reason);
        }
    }

    /// <summary>Takes every whole message and keep-alive off the front of the buffer.</summary>
    private FramesOutcome ProcessFrames(StreamReceiveBuffer buffer, out string? invalidReason)
    {
        var options = _context.Options;
        bool pongDue = false;
        while (true)
        {
            var unconsumed = buffer.Unconsumed;
            var frame = SipStreamFramer.TryFrame(unconsumed, options.MaxHeaderBytes, options.MaxBodyBytes);
            switch (frame.Kind)
            {
                case FrameKind.Message:
                    _lineFeedsSinceMessage = 0;
                    var data = unconsumed[..frame.Length].ToArray();
                    buffer.Consume(frame.Length);
                    _context.Counters.TcpReceived(data.Length);
                    var message = new InboundMessage(data, SipTransportKind.Tcp, Local, Remote, Id);
                    _context.Deliver(in message);
                    break;

                case FrameKind.KeepAlive:
                    _context.Counters.TcpKeepAlive();
                    _lineFeedsSinceMessage += unconsumed[..frame.Length].Count((byte)'\n');
                    buffer.Consume(frame.Length);

                    // Two line breaks with no message between them make a CRLFCRLF ping (RFC 5626 §3.5.1),
                    // even when split across reads.
                    if (_lineFeedsSinceMessage >= 2)
                    {
                        _lineFeedsSinceMessage = 0;
                        pongDue = true;
                    }

                    break;

                case FrameKind.Invalid:
                    invalidReason = frame.Reason;
                    return FramesOutcome.Invalid;

                default:
                    invalidReason = null;
                    return pongDue ? FramesOutcome.PongDue : FramesOutcome.Continue;
            }
        }
    }

    private void OnFramingError(string reason)
    {
        // A stream cannot be resynchronised after a framing error, so the connection is closed by the caller.
        _context.Counters.FramingError();
        if (_context.PeerErrorLog.TryAcquire(out long suppressed))
        {
            TransportLog.FramingError(_context.Logger, Id, Remote, reason, suppressed);
        }
    }

    /// <summary>Writes all of <paramref name="bytes"/>, one writer at a time so messages never interleave.</summary>
    private async ValueTask<bool> WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        if (IsClosed)
        {
            return false;
        }

        try
        {
            await _writeLock.WaitAsync(_closing.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        try
        {
            while (!bytes.IsEmpty)
            {
                var pending = _socket.SendAsync(bytes, SocketFlags.None, _closing.Token);
                int sent = pending.IsCompletedSuccessfully
                    ? pending.Result
                    : await WaitWithTimeoutAsync(pending).ConfigureAwait(false);
                bytes = bytes[sent..];
            }

            Touch();
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Close("write failed: " + e.Message);
            return false;
        }
        catch (TimeoutException)
        {
            // The peer stopped reading; a stuck writer would block every other sender on this connection.
            Close("write timed out");
            return false;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private Task<int> WaitWithTimeoutAsync(ValueTask<int> pending) =>
        pending.AsTask().WaitAsync(_context.Options.TcpSendTimeout, _context.Time);

    private void Touch() => Volatile.Write(ref _lastActivity, _context.Time.GetTimestamp());

    private enum FramesOutcome
    {
        Continue,
        PongDue,
        Invalid,
    }
}
