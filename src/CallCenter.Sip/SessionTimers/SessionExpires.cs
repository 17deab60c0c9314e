using System.Globalization;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.SessionTimers;

/// <summary>
/// A Session-Expires header field value (RFC 4028 §4): the session interval in seconds and, optionally, who refreshes.
/// <c>Session-Expires = ("Session-Expires" / "x") HCOLON delta-seconds *(SEMI se-params)</c>, where
/// <c>se-params = refresher-param / generic-param</c> and <c>refresher-param = "refresher" EQUAL ("uas" / "uac")</c>.
/// </summary>
/// <param name="Seconds">The session interval.</param>
/// <param name="Refresher">Who refreshes, when the parameter is present.</param>
public readonly record struct SessionExpires(int Seconds, SessionRefresher? Refresher)
{
    private const string RefresherParameter = "refresher";

    /// <summary>
    /// Parses a header field value. Never throws: a malformed value gives false and a short reason that never quotes
    /// the input, so it may go into a reason phrase.
    /// </summary>
    public static bool TryParse(string? value, out SessionExpires result, out string error)
    {
        result = default;
        if (value is null)
        {
            error = "Session-Expires is empty";
            return false;
        }

        var i = 0;
        if (!DeltaSeconds.TryRead(value, ref i, out var seconds))
        {
            error = "Session-Expires must start with delta-seconds";
            return false;
        }

        var parameters = new SipParameters();
        if (!SipParameters.TryParse(value, ref i, parameters, out _))
        {
            error = "Session-Expires has malformed parameters";
            return false;
        }

        SessionRefresher? refresher = null;
        if (parameters.Contains(RefresherParameter))
        {
            // ABNF string literals are case-insensitive (RFC 5234 §2.3).
            var named = parameters.Get(RefresherParameter);
            if (string.Equals(named, "uac", StringComparison.OrdinalIgnoreCase))
            {
                refresher = SessionRefresher.Uac;
            }
            else if (string.Equals(named, "uas", StringComparison.OrdinalIgnoreCase))
            {
                refresher = SessionRefresher.Uas;
            }
            else
            {
                error = "Session-Expires refresher must be uac or uas";
                return false;
            }
        }

        result = new SessionExpires(seconds, refresher);
        error = string.Empty;
        return true;
    }

    /// <summary>The header field value, e.g. <c>1800;refresher=uac</c>.</summary>
    public override string ToString()
    {
        var seconds = Seconds.ToString(CultureInfo.InvariantCulture);
        return Refresher switch
        {
            SessionRefresher.Uac => seconds + ";refresher=uac",
            SessionRefresher.Uas => seconds + ";refresher=uas",
            _ => seconds,
        };
    }
}
