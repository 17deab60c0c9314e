using System.Net;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using CallCenter.Sip.Transport.Logging;
using Microsoft.Extensions.Logging;

namespace CallCenter.Sip.Stack;

/// <summary>
/// Wires the layers together: transport → parser/validator → transaction layer → transaction user,
/// and back down for sending. Malformed requests are answered statelessly here (400/505 with the
/// reason, RFC 3261 §8.2 / §16.3) or, when no response can be formed, dropped and counted.
/// </summary>
public sealed class SipStack : ISipMessageSender, IAsyncDisposable
{
    private readonly SipTransportLayer _transport;
    private readonly ISipStackObserver _observer;
    private readonly ILogger _logger;
    private readonly LogRateLimiter _badInputLog;
    private ITransactionUser? _user;
    private SipTransactionLayer? _transactions;

    /// <summary>Creates the stack; call <see cref="Attach"/> then <see cref="StartAsync"/>.</summary>
    public SipStack(SipStackOptions options, ILoggerFactory loggerFactory, TimeProvider time, ISipStackObserver? observer = null)
    {
        Options = options;
        Time = time;
        LoggerFactory = loggerFactory;
        _observer = observer ?? NullSipStackObserver.Instance;
        _logger = loggerFactory.CreateLogger<SipStack>();
        _badInputLog = new LogRateLimiter(time, 10, TimeSpan.FromSeconds(10));
        _transport = new SipTransportLayer(options.Transport, OnInbound, loggerFactory, time);
    }

    /// <summary>The options the stack was built with.</summary>
    public SipStackOptions Options { get; }

    /// <summary>The clock every layer uses.</summary>
    public TimeProvider Time { get; }

    /// <summary>For layers built on top of the stack.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Transport counters for metrics.</summary>
    public TransportCounters TransportCounters => _transport.Counters;

    /// <summary>The transaction layer (after <see cref="Attach"/>).</summary>
    public SipTransactionLayer Transactions => _transactions ?? throw new InvalidOperationException("Attach a transaction user first.");

    /// <summary>Bound UDP endpoints (after start).</summary>
    public IReadOnlyList<IPEndPoint> UdpEndPoints => _transport.UdpEndPoints;

    /// <summary>Bound TCP endpoints (after start).</summary>
    public IReadOnlyList<IPEndPoint> TcpEndPoints => _transport.TcpEndPoints;

    /// <summary>Sets the transaction user (the UA core) and builds the transaction layer for it.</summary>
    public void Attach(ITransactionUser user)
    {
        _user = user;
        _transactions = new SipTransactionLayer(this, user, Time, Options.Timers, LoggerFactory.CreateLogger<SipTransactionLayer>());
    }

    /// <summary>Binds the sockets and starts receiving.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_user is null)
        {
            throw new InvalidOperationException("Attach a transaction user before starting.");
        }

        return _transport.StartAsync(cancellationToken);
    }

    /// <summary>Stops taking new requests, lets live transactions finish (bounded by <paramref name="cancellationToken"/>), closes sockets.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_transactions is not null)
        {
            // From now on new requests get 503; the drain task itself also waits out retransmission absorbers
            // (Timer J: 32 s), which a shutdown need not do, so it is observed but not awaited.
            _ = _transactions.StopAcceptingAsync(CancellationToken.None);
            try
            {
                await _transactions.WaitUntilSettledAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                var counters = _transactions.Counters;
                _logger.LogWarning("Shutdown deadline reached with {Server} server and {Client} client SIP transactions still live", counters.ActiveServer, counters.ActiveClient);
            }
        }

        await _transport.StopAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> SendAsync(SipMessage message, SipRemote destination)
    {
        if (message is SipResponse response)
        {
            _observer.ResponseSent(response.StatusCode);
        }
        else if (message is SipRequest request)
        {
            _observer.RequestSent(MethodLabel.For(request.Method));
        }

        return await _transport.SendAsync(message.ToBytes(), destination.Transport, destination.EndPoint, destination.ConnectionId).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<bool> SendSerializedResponseAsync(ReadOnlyMemory<byte> wire, int statusCode, SipRemote destination)
    {
        _observer.ResponseSent(statusCode);
        return _transport.SendAsync(wire, destination.Transport, destination.EndPoint, destination.ConnectionId);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _transport.DisposeAsync().ConfigureAwait(false);

    /// <summary>Called by the transport on its receive thread for every whole message.</summary>
    private void OnInbound(in InboundMessage inbound)
    {
        var source = new SipRemote(inbound.Transport, inbound.Remote, inbound.ConnectionId);
        var parsed = SipParser.Parse(inbound.Data);
        switch (parsed.Message)
        {
            case null:
                _observer.ParseFailed("unparseable");
                LogBadInput(source, parsed.Error);
                return;
            case SipRequest request:
                OnRequest(request, parsed.Error, source);
                return;
            case SipResponse response:
                OnResponse(response, parsed.Error, source);
                return;
        }
    }

    private void OnRequest(SipRequest request, string? parseError, SipRemote source)
    {
        SipMessageValidator.Failure? failure = parseError is null
            ? SipMessageValidator.Validate(request)
            : new SipMessageValidator.Failure(400, parseError);
        if (failure is { } refused)
        {
            _observer.ParseFailed("invalid");
            LogBadInput(source, refused.Reason);
            RespondStatelessly(request, refused, source);
            return;
        }

        _observer.RequestReceived(MethodLabel.For(request.Method));
        _transactions!.OnRequest(request, source);
    }

    private void OnResponse(SipResponse response, string? parseError, SipRemote source)
    {
        var error = parseError ?? SipMessageValidator.ValidateResponse(response);
        if (error is not null)
        {
            // §18.1.2: a malformed response is discarded; nobody to answer.
            _observer.ParseFailed("invalid-response");
            LogBadInput(source, error);
            return;
        }

        _observer.ResponseReceived(response.StatusCode);
        _transactions!.OnResponse(response, source);
    }

    /// <summary>
    /// Answers a request we refuse before any transaction exists (§8.2.6: the response copies Via, From, To,
    /// Call-ID and CSeq as received). It is routed by the top Via (§18.2.2) when that parses; when the Via itself
    /// is what is broken (RFC 4475 §3.1.2.1 badinv01) it goes back to where the request came from. A request
    /// without any Via line, or an ACK (§17.2.1), is never answered.
    /// </summary>
    private void RespondStatelessly(SipRequest request, SipMessageValidator.Failure failure, SipRemote source)
    {
        if (request.Method == SipMethods.Ack || !request.Headers.Contains(KnownHeader.Via))
        {
            return;
        }

        var destination = source;
        if (request.TryGetVias(out var vias, out _) && vias.Count > 0)
        {
            ViaStamp.Apply(request, source);
            destination = ResponseRouter.Route(request.TopVia!, source);
        }

        var response = ResponseFactory.Create(request, failure.StatusCode, failure.StatusCode == 400 ? SanitizeReason(failure.Reason) : null, RandomTag.New());
        response.Headers.Add(KnownHeader.Server, Options.ProductName);
        _ = SendAsync(response, destination);
    }

    /// <summary>
    /// A parse error may quote the offending input; a Reason-Phrase allows no control character other than HTAB
    /// (§25.1), so every other one becomes a space, and the phrase is kept short.
    /// </summary>
    internal static string SanitizeReason(string reason)
    {
        var clean = string.Create(reason.Length, reason, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c != '\t' && char.IsControl(c) ? ' ' : c;
            }
        });
        if (clean.Length <= MaxReasonLength)
        {
            return clean;
        }

        // Never cut between the halves of a surrogate pair: the phrase is sent as UTF-8.
        var length = char.IsHighSurrogate(clean[MaxReasonLength - 1]) ? MaxReasonLength - 1 : MaxReasonLength;
        return clean[..length];
    }

    private const int MaxReasonLength = 120;

    private void LogBadInput(SipRemote source, string? reason)
    {
        if (_badInputLog.TryAcquire(out var suppressed))
        {
            _logger.LogWarning("Refused a SIP message from {Source}: {Reason} ({Suppressed} similar messages not logged)", source, reason, suppressed);
        }
    }
}
