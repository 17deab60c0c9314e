using System.Globalization;
using CallCenter.Auth;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Core;

/// <summary>
/// The UAC's side of authentication and its requests outside any dialog (REGISTER to a provider): answering a 401/407
/// by resending the request with credentials (RFC 3261 §22.2, §8.1.3.5).
/// </summary>
public sealed partial class UserAgentCore
{
    /// <summary>One digest client for every request we send: its nonce counts must keep increasing per nonce (RFC 7616 §3.4).</summary>
    private readonly UacChallengeResponder _challenges = new(new DigestClient());

    /// <summary>Answers 401/407 challenges to our requests.</summary>
    public UacChallengeResponder Challenges => _challenges;

    /// <summary>
    /// Sends a request outside any dialog (§8.1.1) to <paramref name="destination"/>: our Via (fresh branch, rport) goes
    /// on top, and Max-Forwards and User-Agent are added when missing. Completes with the final response, or null on
    /// timeout or transport error (§8.1.3.1).
    /// </summary>
    public Task<SipResponse?> SendOutOfDialogAsync(SipRequest request, SipRemote destination)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method is SipMethods.Invite or SipMethods.Ack or SipMethods.Cancel)
        {
            throw new ArgumentException("INVITE, ACK and CANCEL have their own paths (Invite, the INVITE's transaction).", nameof(request));
        }

        request.Headers.Insert(0, KnownHeader.Via, ViaFor(destination).ToString());
        if (!request.Headers.Contains(KnownHeader.MaxForwards))
        {
            request.Headers.Add(KnownHeader.MaxForwards, "70");
        }

        if (!request.Headers.Contains(KnownHeader.UserAgent))
        {
            request.Headers.Add(KnownHeader.UserAgent, _stack.Options.ProductName);
        }

        var completion = new TaskCompletionSource<SipResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _stack.Transactions.SendRequest(request, destination, completion);
        return completion.Task;
    }

    /// <summary>
    /// Our Contact URI (without angle brackets) as <paramref name="user"/> for a peer reached over
    /// <paramref name="destination"/>: the address and port it can reach us at (a provider sends calls for a registered
    /// trunk there, §10.2.1).
    /// </summary>
    public SipUri ContactUriFor(SipRemote destination, string user)
    {
        var host = LocalAddressResolver.HostText(LocalAddressFor(destination));
        var uri = new SipUri("sip", user, host, LocalPortFor(destination.Transport));
        if (destination.Transport == SipTransportKind.Tcp)
        {
            uri.Parameters.Set("transport", "tcp");
        }

        return uri;
    }

    /// <summary>
    /// §22.2 / §8.1.3.5: the same request again with credentials: same Call-ID, From (tag included), To, Request-URI and
    /// body, a CSeq one higher, a new Via branch (it is a new transaction), and the answer header. An earlier answer of
    /// the same kind (for a nonce now refused or stale) is dropped; one of the other kind stays, so a request that must
    /// satisfy a proxy (407) and then the far end (401) carries both.
    /// </summary>
    internal SipRequest CreateAuthorizedRetry(SipRequest previous, SipRemote destination, ChallengeAnswer answer)
    {
        var retry = new SipRequest(previous.Method, previous.RequestUri!);
        retry.Headers.Add(KnownHeader.Via, ViaFor(destination).ToString());
        var headers = previous.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            var id = headers.IdAt(i);
            if (id is KnownHeader.Via or KnownHeader.CSeq || id == answer.Header || id == KnownHeader.ContentLength)
            {
                continue;
            }

            retry.Headers.Add(headers.NameAt(i), headers.ValueAt(i));
        }

        var cseq = previous.CSeq!;
        retry.Headers.Add(KnownHeader.CSeq, (cseq.Number + 1).ToString(CultureInfo.InvariantCulture) + " " + cseq.Method);
        retry.Headers.Add(answer.Header, answer.Value);
        retry.Body = previous.Body;
        return retry;
    }

    /// <summary>Sends the retried INVITE as a new client transaction owned by the same <see cref="OutgoingInvite"/>.</summary>
    internal void SendInvite(SipRequest invite, SipRemote destination, OutgoingInvite owner) =>
        _stack.Transactions.SendRequest(invite, destination, owner);
}
