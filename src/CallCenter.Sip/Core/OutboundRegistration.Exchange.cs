using System.Globalization;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Core;

/// <summary>One registration exchange: the REGISTERs that end in a binding (or its removal) or a failure.</summary>
public sealed partial class OutboundRegistration
{
    /// <summary>Most REGISTERs in one exchange (challenges and 423s included), so a confused registrar cannot loop us.</summary>
    private const int MaxRequestsPerExchange = 6;

    /// <summary>
    /// Sends REGISTER with <paramref name="expires"/> and follows the registrar's answers: a challenge is answered
    /// (§22.2), a 423 raises the lifetime to its Min-Expires (§10.2.8) and sends again, each time with CSeq one higher.
    /// </summary>
    private async Task<ExchangeOutcome> ExchangeAsync(TimeSpan expires, CancellationToken cancellationToken)
    {
        if (await _resolve(_options.Host, cancellationToken).ConfigureAwait(false) is not { } address)
        {
            return ExchangeOutcome.Failed($"cannot resolve {_options.Host}");
        }

        var destination = new SipRemote(_options.Transport, new System.Net.IPEndPoint(address, _options.Port));
        var contact = _core.ContactUriFor(destination, _options.Credentials.Username);
        var answers = new Dictionary<KnownHeader, ChallengeAnswer>();
        var retries = default(ChallengeRetryPolicy);
        for (var sent = 0; sent < MaxRequestsPerExchange; sent++)
        {
            var request = CreateRegister(contact, expires, answers.Values);
            var response = await _core.SendOutOfDialogAsync(request, destination).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                return ExchangeOutcome.Failed("no response (timeout or transport error)");
            }

            if (response.IsSuccess)
            {
                return expires == TimeSpan.Zero ? ExchangeOutcome.Removed : Granted(response, contact, expires);
            }

            switch (response.StatusCode)
            {
                case 401 or 407:
                    if (!_core.Challenges.TryAnswer(request, response, _options.Credentials, out var answer, out var why))
                    {
                        return ExchangeOutcome.Failed($"{Describe(response)}: cannot answer the challenge ({why})");
                    }

                    if (!retries.Allows(response.StatusCode, answer.Stale))
                    {
                        return ExchangeOutcome.Failed($"{Describe(response)}: the credentials were refused");
                    }

                    retries = retries.After(response.StatusCode);
                    answers[answer.Header] = answer;
                    break;
                case 423 when MinExpires(response) is { } minimum && minimum > expires && minimum <= _options.MaxExpires && expires > TimeSpan.Zero:
                    // §10.2.8: the registrar wants a longer lifetime; later refreshes ask for it too.
                    expires = minimum;
                    _requested = minimum;
                    break;
                default:
                    return ExchangeOutcome.Failed(Describe(response));
            }
        }

        return ExchangeOutcome.Failed($"no registration after {MaxRequestsPerExchange} REGISTERs");
    }

    /// <summary>
    /// §10.2: Request-URI is the registrar's domain without a user; To and From are our address-of-record; Contact is
    /// where we take calls. The lifetime goes in Expires (0 removes the binding, §10.2.2).
    /// </summary>
    private SipRequest CreateRegister(SipUri contact, TimeSpan expires, IEnumerable<ChallengeAnswer> answers)
    {
        var registrar = new SipUri("sip", null, _options.Host, _options.Port);
        if (_options.Transport == SipTransportKind.Tcp)
        {
            registrar.Parameters.Set("transport", "tcp");
        }

        var addressOfRecord = new SipUri("sip", _options.Credentials.Username, _options.Host).ToString();
        var request = new SipRequest(SipMethods.Register, registrar);
        request.Headers.Add(KnownHeader.From, $"<{addressOfRecord}>;tag={_fromTag}");
        request.Headers.Add(KnownHeader.To, $"<{addressOfRecord}>");
        request.Headers.Add(KnownHeader.CallId, _callId);
        request.Headers.Add(KnownHeader.CSeq, Interlocked.Increment(ref _cseq).ToString(CultureInfo.InvariantCulture) + " REGISTER");
        request.Headers.Add(KnownHeader.Contact, $"<{contact}>");
        request.Headers.Add(KnownHeader.Expires, ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        foreach (var answer in answers)
        {
            request.Headers.Add(answer.Header, answer.Value);
        }

        return request;
    }

    /// <summary>
    /// §10.2.4: the 2xx lists the bindings with the lifetime each got; ours is the Contact equivalent to the one we sent.
    /// Without it, the Expires header, else what we asked for. A lifetime of 0 means the registrar kept nothing.
    /// </summary>
    private static ExchangeOutcome Granted(SipResponse response, SipUri contact, TimeSpan requested)
    {
        long? seconds = null;
        if (response.TryGetContacts(out var contacts, out _, out _))
        {
            var ours = contacts.FirstOrDefault(c => c.Uri.IsEquivalentTo(contact));
            if (ours?.Parameters.Get("expires") is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                seconds = value;
            }
        }

        seconds ??= response.Headers[KnownHeader.Expires] is not null ? response.Expires : (long)requested.TotalSeconds;
        return seconds > 0
            ? ExchangeOutcome.Registered(TimeSpan.FromSeconds(Math.Min(seconds.Value, (long)TimeSpan.FromDays(365).TotalSeconds)))
            : ExchangeOutcome.Failed("the registrar accepted the REGISTER but kept no binding (expires 0)");
    }

    private static TimeSpan? MinExpires(SipResponse response) =>
        response.Headers[KnownHeader.MinExpires] is { } text && long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(365).TotalSeconds))
            : null;

    private static string Describe(SipResponse response) => $"{response.StatusCode} {response.ReasonPhrase}";

    /// <summary>How an exchange ended: a granted lifetime, a removed binding, or an error.</summary>
    private readonly record struct ExchangeOutcome(TimeSpan? Granted, string? Error)
    {
        public static ExchangeOutcome Removed => new(null, null);

        public static ExchangeOutcome Registered(TimeSpan granted) => new(granted, null);

        public static ExchangeOutcome Failed(string error) => new(null, error);
    }
}
