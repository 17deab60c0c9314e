using System.Net;
using CallCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace CallCenter.Sip.Core;

/// <summary>
/// Keeps us registered with a provider (RFC 3261 §10.2 as a UAC): REGISTER, answering 401/407 with the provider's
/// credentials (§22.2), refreshing before the lifetime the registrar granted runs out (§10.2.4), raising the lifetime
/// on 423 Min-Expires (§10.2.8), retrying with a doubling back-off after failures, and removing the binding
/// (Expires: 0, §10.2.2) when stopped. All REGISTERs share one Call-ID and From tag with increasing CSeq (§10.2).
/// Timers run on the injected clock.
/// </summary>
public sealed partial class OutboundRegistration : IAsyncDisposable
{
    private readonly UserAgentCore _core;
    private readonly OutboundRegistrationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<string, CancellationToken, Task<IPAddress?>> _resolve;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly string _callId = RandomTag.New() + RandomTag.New() + "@callcenter";
    private readonly string _fromTag = RandomTag.New();
    private long _cseq;
    private TimeSpan _requested;
    private Task? _loop;
    private OutboundRegistrationStatus _status = OutboundRegistrationStatus.Idle;

    /// <summary>Creates the registration; nothing is sent before <see cref="Start"/>.</summary>
    /// <param name="core">Sends the REGISTERs.</param>
    /// <param name="options">Provider, credentials, lifetimes.</param>
    /// <param name="time">Clock for refreshes and back-off.</param>
    /// <param name="logger">Log.</param>
    /// <param name="resolve">Finds the registrar's address (default <see cref="SipHostResolver.ResolveAsync"/>); asked at every attempt.</param>
    public OutboundRegistration(
        UserAgentCore core,
        OutboundRegistrationOptions options,
        TimeProvider time,
        ILogger logger,
        Func<string, CancellationToken, Task<IPAddress?>>? resolve = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Expires, TimeSpan.Zero, nameof(options));
        _core = core;
        _options = options;
        _time = time;
        _logger = logger;
        _resolve = resolve ?? SipHostResolver.ResolveAsync;
        _requested = options.Expires;
    }

    /// <summary>The provider's name (the trunk).</summary>
    public string Name => _options.Name;

    /// <summary>The current status.</summary>
    public OutboundRegistrationStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Raised on every status change, on the thread that made it.</summary>
    public event Action<OutboundRegistrationStatus>? StatusChanged;

    /// <summary>Starts registering (once; later calls do nothing).</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_loop is not null || _stop.IsCancellationRequested)
            {
                return;
            }

            _loop = Task.Run(() => RunAsync(_stop.Token));
        }
    }

    /// <summary>
    /// Stops refreshing and, when the registrar holds our binding, removes it (REGISTER with Expires: 0); gives up on
    /// the removal when <paramref name="cancellationToken"/> fires (the binding then simply expires).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            _stop.Cancel();
        }

        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        if (Status.IsRegistered)
        {
            await UnregisterAsync(cancellationToken).ConfigureAwait(false);
        }

        Publish(new OutboundRegistrationStatus(OutboundRegistrationState.Stopped, null, null, null, 0));
    }

    /// <summary>§10.2.2: REGISTER with Expires: 0 for our Contact removes our binding (and no one else's).</summary>
    private async Task UnregisterAsync(CancellationToken cancellationToken)
    {
        string? error;
        try
        {
            error = (await ExchangeAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false)).Error;
        }
        catch (OperationCanceledException)
        {
            error = "no answer before shutdown";
        }

        if (error is null)
        {
            _logger.LogInformation("Trunk {Trunk}: un-registered", Name);
        }
        else
        {
            _logger.LogWarning("Trunk {Trunk}: un-REGISTER failed ({Error}); the binding will expire by itself", Name, error);
        }
    }

    /// <summary>
    /// Stops refreshing without removing the binding (it expires at the registrar); <see cref="StopAsync"/> is the
    /// orderly way out.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
            if (!_stop.IsCancellationRequested)
            {
                _stop.Cancel();
            }
        }

        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        Publish(new OutboundRegistrationStatus(OutboundRegistrationState.Registering, null, null, null, 0));
        var failures = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var outcome = await AttemptAsync(stop).ConfigureAwait(false);
                var now = _time.GetUtcNow();
                TimeSpan delay;
                OutboundRegistrationStatus status;
                if (outcome.Granted is { } granted)
                {
                    failures = 0;
                    delay = RegistrationTiming.RefreshDelay(granted);
                    status = new OutboundRegistrationStatus(OutboundRegistrationState.Registered, null, now + granted, now + delay, 0);
                    LogRegistered(granted);
                }
                else
                {
                    failures++;
                    delay = RegistrationTiming.RetryDelay(failures, _options.RetryBase, _options.RetryMax);
                    status = new OutboundRegistrationStatus(OutboundRegistrationState.Failing, outcome.Error, null, now + delay, failures);
                    _logger.LogWarning("Trunk {Trunk}: registration failed ({Error}); retrying in {Delay}", Name, outcome.Error, delay);
                }

                // The timer exists before the status says when it fires: whoever reads the status (a test moving a
                // fake clock) may rely on the wait having begun.
                var wait = Task.Delay(delay, _time, stop);
                Publish(status);
                await wait.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping: StopAsync takes it from here.
        }
    }

    /// <summary>One exchange; an unexpected error is a failed attempt like any other, so the registration keeps trying.</summary>
    private async Task<ExchangeOutcome> AttemptAsync(CancellationToken stop)
    {
        try
        {
            return await ExchangeAsync(_requested, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Trunk {Trunk}: registration attempt failed unexpectedly", Name);
            return ExchangeOutcome.Failed(e.GetType().Name + ": " + e.Message);
        }
    }

    private void LogRegistered(TimeSpan granted)
    {
        if (!Status.IsRegistered)
        {
            _logger.LogInformation("Trunk {Trunk}: registered with {Host}:{Port} for {Seconds} s", Name, _options.Host, _options.Port, (long)granted.TotalSeconds);
        }
    }

    private void Publish(OutboundRegistrationStatus status)
    {
        lock (_gate)
        {
            _status = status;
        }

        StatusChanged?.Invoke(status);
    }
}
