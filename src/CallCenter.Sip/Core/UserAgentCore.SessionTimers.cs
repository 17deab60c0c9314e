using System.Globalization;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.SessionTimers;
using Microsoft.Extensions.Logging;

namespace CallCenter.Sip.Core;

/// <summary>
/// Session timers (RFC 4028) on every dialog that negotiates one: the 2xx we send says what was agreed (§9), the 2xx
/// we receive is read (§7.2), and the dialog's <see cref="SessionTimer"/> then either sends our refreshes (§10:
/// UPDATE when the peer allows it, else a re-INVITE offering our last SDP unchanged) or ends the dialog with BYE when
/// the peer's refresh does not come in time. The handler hears of that end with <see cref="SessionExpired"/>.
/// </summary>
public sealed partial class UserAgentCore
{
    /// <summary>The reason <see cref="IInviteHandler.OnDialogEnded"/> gives when the session timer ran out or a refresh failed.</summary>
    public const string SessionExpired = "session expired";

    // A 422 raises the interval and a 405/501 to an UPDATE switches to re-INVITE: each deserves one more try at once.
    private const int RefreshAttempts = 3;

    /// <summary>Our session-timer policy: the interval we choose and the least we accept.</summary>
    public SessionTimerOptions SessionTimers { get; set; } = SessionTimerOptions.Default;

    /// <summary>
    /// §9: puts the negotiated Session-Expires (and Require: timer when the requester supports it) into our 2xx and
    /// starts the interval. A refresh that negotiates no timer stops the one running.
    /// </summary>
    private void ApplySessionTimer(Dialog dialog, SipRequest request, SipResponse ok)
    {
        if (SessionTimerNegotiation.ForAnswer(request, SessionTimers) is not { } answer)
        {
            dialog.SessionTimer?.Stop();
            return;
        }

        ok.Headers.Set(KnownHeader.SessionExpires, answer.Header.ToString());
        if (answer.RequireTimer && !ok.Headers.ElementsOf(KnownHeader.Require).Contains(SessionTimerNegotiation.OptionTag, StringComparer.OrdinalIgnoreCase))
        {
            ok.Headers.Add(KnownHeader.Require, SessionTimerNegotiation.OptionTag);
        }

        StartSessionTimer(dialog, answer.Interval);
    }

    /// <summary>§7.2: the session timer a 2xx to our INVITE settled, if any.</summary>
    private void ApplySessionTimer(Dialog dialog, SipResponse answer)
    {
        if (SessionTimerNegotiation.FromAnswer(answer) is { } interval)
        {
            StartSessionTimer(dialog, interval);
        }
    }

    private void StartSessionTimer(Dialog dialog, SessionInterval interval) =>
        dialog.EnsureSessionTimer(() => new SessionTimer(_stack.Time, () => _ = RefreshSessionAsync(dialog), () => OnSessionExpired(dialog)))?.Start(interval);

    private void OnSessionExpired(Dialog dialog)
    {
        _logger.LogWarning("No session refresh in dialog {Dialog} in time (RFC 4028 §10); ending it", dialog.Id);
        _ = EndWithByeAsync(dialog, SessionExpired);
    }

    /// <summary>
    /// §10: sends our refresh and settles the next interval from the answer. A re-INVITE waits while another INVITE is
    /// in progress (§14.1). No answer, 408 or 481 means the session is gone (§10, RFC 3261 §12.2.1.2); 491 is retried
    /// after the random wait of §14.1; 422 is retried with the Min-SE it names (§7.4); 405 or 501 to an UPDATE is
    /// retried as a re-INVITE; anything else is retried later, until the session ends.
    /// </summary>
    private async Task RefreshSessionAsync(Dialog dialog)
    {
        if (dialog.SessionTimer is not { Current: { } current } timer)
        {
            return;
        }

        var seconds = current.Seconds;
        for (var attempt = 0; attempt < RefreshAttempts && dialog.State != DialogState.Terminated; attempt++)
        {
            var sdp = dialog.LocalSessionDescription;
            var byUpdate = dialog.PeerAllowsUpdate || sdp.IsEmpty;
            if (!byUpdate && !dialog.TryBeginOutgoingInvite())
            {
                timer.RetryRefreshIn(GlareRetryDelay(dialog));
                return;
            }

            var response = await SendInDialogCoreAsync(
                dialog,
                byUpdate ? SipMethods.Update : SipMethods.Invite,
                byUpdate ? default : sdp,
                byUpdate ? null : "application/sdp",
                RefreshHeaders(seconds),
                continueInline: true).ConfigureAwait(false);
            switch (response?.StatusCode)
            {
                case null or 408 or 481:
                    _logger.LogWarning("Session refresh in dialog {Dialog} failed ({Status}); ending it", dialog.Id, response?.StatusCode.ToString(CultureInfo.InvariantCulture) ?? "no answer");
                    _ = EndWithByeAsync(dialog, SessionExpired);
                    return;
                case >= 200 and < 300:
                    // §7.2: a 2xx naming no timer leaves us refreshing at the same interval, for our own benefit.
                    timer.Start(SessionTimerNegotiation.FromAnswer(response) ?? new SessionInterval(seconds, WeRefresh: true));
                    return;
                case 422 when MinSE.TryParse(response.Headers[KnownHeader.MinSE], out var minimum, out _) && minimum.Seconds > seconds:
                    seconds = minimum.Seconds;
                    continue;
                case 405 or 501 when byUpdate && !sdp.IsEmpty:
                    dialog.PeerAllowsUpdate = false;
                    continue;
                case 491:
                    timer.RetryRefreshIn(GlareRetryDelay(dialog));
                    return;
                default:
                    timer.RetryRefreshIn(current.Length / 4);
                    return;
            }
        }
    }

    /// <summary>§7.4: the refresh names us as refresher (we send it: uac) and the interval we want.</summary>
    private IReadOnlyList<(KnownHeader Header, string Value)> RefreshHeaders(int seconds) =>
    [
        (KnownHeader.SessionExpires, new SessionExpires(seconds, SessionRefresher.Uac).ToString()),
        (KnownHeader.MinSE, Math.Min(SessionTimers.MinSESeconds, seconds).ToString(CultureInfo.InvariantCulture)),
        (KnownHeader.Supported, Capabilities.SupportedExtensions.Count > 0 ? Capabilities.SupportedHeaderValue : SessionTimerNegotiation.OptionTag),
    ];

    /// <summary>
    /// §14.1: after a 491 the owner of the Call-ID (the side that sent the first INVITE) waits 2.1–4 s, the other side
    /// 0–2 s, in steps of 10 ms, so the two retries do not cross again.
    /// </summary>
    private static TimeSpan GlareRetryDelay(Dialog dialog) =>
        TimeSpan.FromMilliseconds(dialog.IsUac ? 2100 + (10 * Random.Shared.Next(0, 191)) : 10 * Random.Shared.Next(0, 201));
}
