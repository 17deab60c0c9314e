using System.Globalization;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.SessionTimers;

/// <summary>
/// A Min-SE header field value (RFC 4028 §5): the smallest session interval the sender and the proxies on the path
/// accept. <c>Min-SE = "Min-SE" HCOLON delta-seconds *(SEMI generic-param)</c>.
/// </summary>
/// <param name="Seconds">The minimum session interval.</param>
public readonly record struct MinSE(int Seconds)
{
    /// <summary>
    /// RFC 4028 §4 and §5: no session interval below 90 seconds is ever valid; a request without Min-SE means this.
    /// </summary>
    public const int FloorSeconds = 90;

    /// <summary>Parses a header field value; a malformed one gives false and a reason that never quotes the input.</summary>
    public static bool TryParse(string? value, out MinSE result, out string error)
    {
        result = default;
        var i = 0;
        if (value is null || !DeltaSeconds.TryRead(value, ref i, out var seconds))
        {
            error = "Min-SE must be delta-seconds";
            return false;
        }

        if (!SipParameters.TryParse(value, ref i, new SipParameters(), out _))
        {
            error = "Min-SE has malformed parameters";
            return false;
        }

        result = new MinSE(seconds);
        error = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Seconds.ToString(CultureInfo.InvariantCulture);
}
