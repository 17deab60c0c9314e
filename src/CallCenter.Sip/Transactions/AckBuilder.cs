using System.Globalization;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>Builds the ACK an INVITE client transaction sends for a non-2xx final response (RFC 3261 §17.1.1.3).</summary>
internal static class AckBuilder
{
    /// <summary>
    /// §17.1.1.3: the Request-URI, Call-ID and From of the INVITE; the To of the response (it carries the tag); a
    /// single Via equal to the INVITE's top Via, so the ACK matches the server transaction; the INVITE's CSeq number
    /// with method ACK; and the INVITE's Route header fields.
    /// </summary>
    public static SipRequest ForNonSuccess(SipRequest invite, SipResponse response)
    {
        var headers = new SipHeaders();
        var ack = new SipRequest(SipMethods.Ack, invite.RequestUriText, headers, ReadOnlyMemory<byte>.Empty);
        var topVia = invite.Headers.ElementsOf(KnownHeader.Via) is { Count: > 0 } vias ? vias[0] : null;
        if (topVia is not null)
        {
            headers.Add(KnownHeader.Via, topVia);
        }

        headers.Add(KnownHeader.MaxForwards, "70");
        headers.CopyFrom(invite.Headers, KnownHeader.From);
        headers.CopyFrom(response.Headers, KnownHeader.To);
        headers.CopyFrom(invite.Headers, KnownHeader.CallId);
        var number = invite.CSeq?.Number ?? 0;
        headers.Add(KnownHeader.CSeq, number.ToString(CultureInfo.InvariantCulture) + " " + SipMethods.Ack);
        headers.CopyFrom(invite.Headers, KnownHeader.Route);
        return ack;
    }
}
