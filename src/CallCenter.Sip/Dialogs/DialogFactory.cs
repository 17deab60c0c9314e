using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Dialogs;

/// <summary>Creates dialog state from the request and response that establish it (RFC 3261 §12.1.1, §12.1.2).</summary>
public static class DialogFactory
{
    /// <summary>
    /// UAS side (§12.1.1): route set = Record-Route of the request in order; remote target = its Contact;
    /// remote sequence = its CSeq; our tag is the To tag we put in the response.
    /// </summary>
    public static Dialog? CreateUas(SipRequest request, SipResponse response, SipRemote source)
    {
        if (response.To?.Tag is not { } localTag || request.From?.Tag is not { } remoteTag || Target(request) is not { } target)
        {
            return null;
        }

        var routeSet = request.Headers.ElementsOf(KnownHeader.RecordRoute);
        return new Dialog(
            new DialogId(request.CallId!, localTag, remoteTag),
            isUac: false,
            localUri: request.To!.Uri,
            remoteUri: request.From.Uri,
            remoteTarget: target,
            routeSet: routeSet,
            localSeq: 0,
            remoteSeq: request.CSeq!.Number,
            peer: source,
            state: response.IsSuccess ? DialogState.Confirmed : DialogState.Early);
    }

    /// <summary>
    /// UAC side (§12.1.2): route set = Record-Route of the response in reverse; remote target = the
    /// response's Contact; local sequence = the request's CSeq; remote sequence empty.
    /// </summary>
    public static Dialog? CreateUac(SipRequest request, SipResponse response, SipRemote destination)
    {
        if (request.From?.Tag is not { } localTag || response.To?.Tag is not { } remoteTag || Target(response) is not { } target)
        {
            return null;
        }

        var routeSet = response.Headers.ElementsOf(KnownHeader.RecordRoute);
        routeSet.Reverse();
        return new Dialog(
            new DialogId(request.CallId!, localTag, remoteTag),
            isUac: true,
            localUri: request.From.Uri,
            remoteUri: request.To!.Uri,
            remoteTarget: target,
            routeSet: routeSet,
            localSeq: request.CSeq!.Number,
            remoteSeq: null,
            peer: destination,
            state: response.IsSuccess ? DialogState.Confirmed : DialogState.Early);
    }

    private static SipUri? Target(SipMessage message) =>
        message.TryGetContacts(out var contacts, out _, out _) && contacts.Count > 0 ? contacts[0].Uri : null;
}
