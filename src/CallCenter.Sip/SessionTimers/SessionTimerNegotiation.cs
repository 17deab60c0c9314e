using System.Globalization;
using CallCenter.Sip.Core;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.SessionTimers;

/// <summary>
/// The offer/answer of session timers (RFC 4028) as pure functions over messages: the checks a UAS makes before
/// acting on an INVITE or UPDATE (§6, §9), the Session-Expires it answers with (§9), and what a 2xx to our own
/// request settled (§7.2).
/// </summary>
public static class SessionTimerNegotiation
{
    /// <summary>The option tag of the extension (RFC 4028 §3), for Supported and Require.</summary>
    public const string OptionTag = "timer";

    /// <summary>
    /// Checks the session-timer header fields of an INVITE or UPDATE (other methods carry none that matter): a
    /// malformed or repeated Session-Expires or Min-SE gets 400 naming the problem, and an interval below the larger
    /// of our minimum and the request's own Min-SE gets 422 with that minimum as Min-SE (§6, §9). Null when the
    /// request may proceed.
    /// </summary>
    public static UasRejection? Check(SipRequest request, SessionTimerOptions policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        if (request.Method is not (SipMethods.Invite or SipMethods.Update))
        {
            return null;
        }

        var minSECount = request.Headers.CountOf(KnownHeader.MinSE);
        var requestMinimum = 0;
        if (minSECount > 1)
        {
            return BadRequest("Min-SE appears more than once");
        }

        if (minSECount == 1)
        {
            if (!MinSE.TryParse(request.Headers[KnownHeader.MinSE], out var minSE, out var minSEError))
            {
                return BadRequest(minSEError);
            }

            requestMinimum = minSE.Seconds;
        }

        var sessionExpiresCount = request.Headers.CountOf(KnownHeader.SessionExpires);
        if (sessionExpiresCount == 0)
        {
            return null;
        }

        if (sessionExpiresCount > 1)
        {
            return BadRequest("Session-Expires appears more than once");
        }

        if (!SessionExpires.TryParse(request.Headers[KnownHeader.SessionExpires], out var requested, out var error))
        {
            return BadRequest(error);
        }

        var floor = Math.Max(policy.MinSESeconds, requestMinimum);
        if (requested.Seconds >= floor)
        {
            return null;
        }

        return new UasRejection(
            422,
            "Session Interval Too Small",
            $"Session-Expires {requested.Seconds} is below the minimum of {floor} seconds",
            [(KnownHeader.MinSE, floor.ToString(CultureInfo.InvariantCulture))]);
    }

    /// <summary>
    /// §9: the session timer our 2xx to <paramref name="request"/> (which passed <see cref="Check"/>) sets, or null for
    /// none. A timer applies when the requester asked for one (Session-Expires) or supports the extension, in which
    /// case we choose our interval. The interval is the one asked for, reduced to our own when longer, and never below
    /// the request's Min-SE or ours. The refresher is the one asked for; when none was named it is the requester
    /// (uac), and it is always us (uas) when the requester does not support the extension and so cannot refresh.
    /// </summary>
    public static SessionTimerAnswer? ForAnswer(SipRequest request, SessionTimerOptions policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        var supportsTimer = Supports(request);
        SessionExpires? requested = SessionExpires.TryParse(request.Headers[KnownHeader.SessionExpires], out var parsed, out _) ? parsed : null;
        if (requested is null && !supportsTimer)
        {
            return null;
        }

        var requestMinimum = MinSE.TryParse(request.Headers[KnownHeader.MinSE], out var minSE, out _) ? minSE.Seconds : MinSE.FloorSeconds;
        var floor = Math.Max(policy.MinSESeconds, requestMinimum);
        var seconds = Math.Max(floor, Math.Min(requested?.Seconds ?? int.MaxValue, policy.SessionExpiresSeconds));
        var refresher = supportsTimer ? requested?.Refresher ?? SessionRefresher.Uac : SessionRefresher.Uas;
        return new SessionTimerAnswer(new SessionExpires(seconds, refresher), RequireTimer: supportsTimer);
    }

    /// <summary>
    /// §7.2: the session timer a 2xx to our INVITE, re-INVITE or UPDATE settled, or null when it names none (or an
    /// unusable one: a response cannot be refused). The UAS must name the refresher; a 2xx that does not is read as
    /// leaving the refreshes to us, the side that wants the timer.
    /// </summary>
    public static SessionInterval? FromAnswer(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!SessionExpires.TryParse(response.Headers[KnownHeader.SessionExpires], out var settled, out _) || settled.Seconds < 1)
        {
            return null;
        }

        return SessionInterval.Negotiated(settled.Seconds, settled.Refresher ?? SessionRefresher.Uac, weSentTheRequest: true);
    }

    /// <summary>True when the message lists <c>timer</c> in Supported or Require (option tags compare ignoring case).</summary>
    public static bool Supports(SipMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return HasTag(message, KnownHeader.Supported) || HasTag(message, KnownHeader.Require);
    }

    private static bool HasTag(SipMessage message, KnownHeader header)
    {
        foreach (var tag in message.Headers.ElementsOf(header))
        {
            if (tag.Equals(OptionTag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // The problem texts never quote the request, so they can be the reason phrase (RFC 3261 §21.4.1).
    private static UasRejection BadRequest(string problem) => new(400, problem, problem, []);
}
