using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Dialogs;

/// <summary>
/// RFC 3261 §13.3.1.4: the UAS core retransmits its 2xx to an INVITE, starting at T1 and doubling up to T2,
/// until the ACK arrives; after 64·T1 without one it gives up (and the caller of <see cref="Start"/> ends the
/// session with BYE). With RFC 6026 the INVITE server transaction passes these 2xx to the transport.
/// Over reliable transports the first 2xx is not retransmitted, but the 64·T1 wait for the ACK still applies.
/// </summary>
public sealed class Uas2xxRetransmitter : IDisposable
{
    private readonly object _gate = new();
    private readonly ServerTransaction _invite;
    private readonly SipResponse _response;
    private readonly SipTimerOptions _timers;
    private readonly Action _onGiveUp;
    private readonly ITimer _retransmitTimer;
    private readonly ITimer _giveUpTimer;
    private TimeSpan _interval;
    private bool _done;

    private Uas2xxRetransmitter(ServerTransaction invite, SipResponse response, SipTimerOptions timers, TimeProvider time, Action onGiveUp)
    {
        _invite = invite;
        _response = response;
        _timers = timers;
        _onGiveUp = onGiveUp;
        _interval = timers.T1;
        _retransmitTimer = time.CreateTimer(_ => Retransmit(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _giveUpTimer = time.CreateTimer(_ => GiveUp(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts retransmitting <paramref name="response"/> (already sent once) until <see cref="AckReceived"/>.</summary>
    public static Uas2xxRetransmitter Start(ServerTransaction invite, SipResponse response, SipTimerOptions timers, TimeProvider time, Action onGiveUp)
    {
        var retransmitter = new Uas2xxRetransmitter(invite, response, timers, time, onGiveUp);
        if (!invite.Source.IsReliable)
        {
            retransmitter._retransmitTimer.Change(timers.T1, Timeout.InfiniteTimeSpan);
        }

        retransmitter._giveUpTimer.Change(timers.T1 * 64, Timeout.InfiniteTimeSpan);
        return retransmitter;
    }

    /// <summary>The CSeq number of the INVITE whose 2xx this retransmits (its ACK carries the same number).</summary>
    public long InviteSeq => _invite.Request.CSeq!.Number;

    /// <summary>The ACK arrived: stop.</summary>
    public void AckReceived() => Dispose();

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _done = true;
        }

        _retransmitTimer.Dispose();
        _giveUpTimer.Dispose();
    }

    private void Retransmit()
    {
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            _interval = _interval * 2 > _timers.T2 ? _timers.T2 : _interval * 2;
            _retransmitTimer.Change(_interval, Timeout.InfiniteTimeSpan);
        }

        _invite.Respond(_response);
    }

    private void GiveUp()
    {
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            _done = true;
        }

        _retransmitTimer.Dispose();
        _onGiveUp();
    }
}
