using CallCenter.Calls.Actor;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.FeatureCodes;

/// <summary>
/// One call of an agent to a feature code: answered at once, the state change is asked of routing, the confirmation
/// (or "that code is not valid now" when routing refused) is played, then the server hangs up. Every event runs on the
/// call's own <see cref="SerialExecutor"/>, so its few fields need no locks.
/// </summary>
internal sealed class FeatureCodeCall
{
    private readonly ICallerSignalling _caller;
    private readonly string _extension;
    private readonly FeatureCode _code;
    private readonly IContactCentre _centre;
    private readonly ILogger _logger;
    private readonly SerialExecutor _executor;
    private readonly ICallMedia _media;
    private readonly ITimer _deadline;
    private readonly Action<FeatureCodeCall> _onEnded;
    private bool _answerPending;
    private int _playback = -1;
    private bool _ended;

    /// <summary>Creates the call; <see cref="Start"/> answers it.</summary>
    /// <param name="caller">The INVITE's signalling.</param>
    /// <param name="extension">The authenticated agent who dialled.</param>
    /// <param name="code">The code dialled.</param>
    /// <param name="centre">Routing, which applies the change.</param>
    /// <param name="media">Creates the call's media leg.</param>
    /// <param name="maxDuration">When the call is ended whatever happened.</param>
    /// <param name="time">Clock of that timer.</param>
    /// <param name="logger">Log.</param>
    /// <param name="dispatch">Where the call's events run.</param>
    /// <param name="onEnded">Told once, when the call has released everything.</param>
    public FeatureCodeCall(
        ICallerSignalling caller,
        string extension,
        FeatureCode code,
        IContactCentre centre,
        ICallMediaFactory media,
        TimeSpan maxDuration,
        TimeProvider time,
        ILogger logger,
        Action<Action> dispatch,
        Action<FeatureCodeCall> onEnded)
    {
        _caller = caller;
        _extension = extension;
        _code = code;
        _centre = centre;
        _logger = logger;
        _onEnded = onEnded;
        _executor = new SerialExecutor(dispatch, e => logger.LogError(e, "Feature-code call {CallId}: event handler failed", caller.CallId));
        _media = media.Create(caller.CallId + "/feature-code", e => _executor.Post(() => OnMedia(e)));
        _deadline = time.CreateTimer(_ => _executor.Post(OnDeadline), null, maxDuration, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The signalling of the call (the handler finds its map keys there).</summary>
    public ICallerSignalling Signalling => _caller;

    /// <summary>Answers, then asks routing for the change.</summary>
    public void Start() => _executor.Post(Answer);

    /// <summary>The ACK arrived, with the SDP answer when our 200 carried the offer (RFC 3261 §13.2.1).</summary>
    public void OnAck(string? answerSdp) => _executor.Post(() =>
    {
        if (_answerPending && answerSdp is not null && !_media.AcceptAnswer(answerSdp, out var error))
        {
            _logger.LogWarning("Feature-code call {CallId}: unusable SDP answer in the ACK ({Error}); the confirmation may not be heard", _caller.CallId, error);
        }

        _answerPending = false;
    });

    /// <summary>The agent hung up (BYE) or cancelled: the change already asked for stands; the media is released.</summary>
    public void OnHangup() => _executor.Post(() => End(sendBye: false));

    private void Answer()
    {
        if (_caller.Offer is null)
        {
            _answerPending = true;
            _caller.Answer(_media.CreateOffer());
        }
        else
        {
            var negotiation = _media.AnswerOffer(_caller.Offer);
            if (!negotiation.Accepted)
            {
                _caller.Reject(negotiation.RefusalStatus, negotiation.Warning);
                End(sendBye: false);
                return;
            }

            _caller.Answer(negotiation.AnswerSdp!);
        }

        Task<AgentStateChangeResult> change;
        try
        {
            change = _centre.ChangeAgentStateAsync(_extension, _code.Command, _code.Reason);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or ObjectDisposedException)
        {
            change = Task.FromException<AgentStateChangeResult>(e);
        }

        change.ContinueWith(t => _executor.Post(() => OnChanged(t)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void OnChanged(Task<AgentStateChangeResult> change)
    {
        if (_ended)
        {
            return;
        }

        string prompt;
        if (change.IsCompletedSuccessfully && change.Result.Applied)
        {
            _logger.LogInformation("Agent {Extension} dialled {Code}: {Command} applied", _extension, _code.Number, _code.Command);
            prompt = _code.ConfirmationPrompt;
        }
        else
        {
            _logger.LogInformation(
                "Agent {Extension} dialled {Code}: {Command} refused ({Reason})",
                _extension,
                _code.Number,
                _code.Command,
                change.IsCompletedSuccessfully ? change.Result.Error : change.Exception?.GetBaseException().Message ?? "cancelled");
            prompt = FeatureCodePrompts.NotValidNow;
        }

        _playback = _media.Play([prompt], interruptible: false);
    }

    private void OnMedia(MediaEvent e)
    {
        switch (e)
        {
            case MediaEvent.PromptFinished finished when finished.Playback == _playback:
                End(sendBye: true);
                break;
            case MediaEvent.Inactive:
                End(sendBye: true);
                break;
        }
    }

    private void OnDeadline()
    {
        if (!_ended)
        {
            _logger.LogWarning("Feature-code call {CallId}: not finished within its time limit; hanging up", _caller.CallId);
            End(sendBye: true);
        }
    }

    private void End(bool sendBye)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        _deadline.Dispose();
        if (sendBye)
        {
            _caller.Hangup();
        }

        _media.Dispose();
        _onEnded(this);
    }
}
