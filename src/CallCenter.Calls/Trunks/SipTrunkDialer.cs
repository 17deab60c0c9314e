using CallCenter.Calls.Legs;
using CallCenter.Calls.Sip;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transport;
using CallCenter.Telephony;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Trunks;

/// <summary>
/// Calls the phone network through one trunk: numbers normalised to E.164 in the trunk's region, an INVITE to
/// sip:number@provider From our caller id, sent to the provider's address, the provider's 401/407 answered with the
/// trunk's credentials (RFC 3261 §22.2). The leg behaves as an agent leg does: the same events, CANCEL and BYE, and
/// the callee's in-dialog requests routed to it by the <see cref="CallManager"/> whose dialer places it.
/// </summary>
public sealed class SipTrunkDialer : ITrunkDialer
{
    /// <summary>The answer when the number cannot be dialled (RFC 3261 §21.4.22 Address Incomplete / §21.4.18).</summary>
    public const int BadNumberStatus = 484;

    /// <summary>The answer when the provider's address is unknown (RFC 3261 §21.5.4 Service Unavailable).</summary>
    public const int UnreachableStatus = 503;

    private readonly SipAgentDialer _legs;
    private readonly TrunkDialPlan _plan;
    private readonly PhoneNumberNormalizer _normalizer;
    private readonly ILogger _logger;

    /// <summary>Creates the dialer for <paramref name="plan"/>, placing legs through <paramref name="calls"/>.</summary>
    public SipTrunkDialer(CallManager calls, TrunkDialPlan plan, PhoneNumberNormalizer normalizer, ILogger<SipTrunkDialer> logger)
        : this(calls.LegDialer, plan, normalizer, logger)
    {
    }

    internal SipTrunkDialer(SipAgentDialer legs, TrunkDialPlan plan, PhoneNumberNormalizer normalizer, ILogger logger)
    {
        _legs = legs;
        _plan = plan;
        _normalizer = normalizer;
        _logger = logger;
    }

    /// <summary>The trunk's plan.</summary>
    public TrunkDialPlan Plan => _plan;

    /// <inheritdoc />
    public bool TryNormalize(string number, out string e164, out string error)
    {
        ArgumentNullException.ThrowIfNull(number);
        var normalized = _normalizer.Normalize(number, _plan.DefaultRegion);
        e164 = normalized.E164 ?? string.Empty;
        error = normalized.IsValid ? string.Empty : normalized.Message ?? "not a valid number";
        return normalized.IsValid;
    }

    /// <inheritdoc />
    public IAgentLeg Dial(string e164, string offerSdp, Action<AgentLegEvent> onEvent)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        if (!TryNormalize(e164, out var number, out var error))
        {
            _logger.LogWarning("Trunk {Trunk}: not dialling '{Number}': {Error}", _plan.Name, e164, error);
            return FailedLeg.Report(BadNumberStatus, onEvent);
        }

        if (_plan.Destination is not { } destination)
        {
            _logger.LogWarning("Trunk {Trunk}: not dialling {Number}: the address of {Host} is unknown", _plan.Name, number, _plan.Host);
            return FailedLeg.Report(UnreachableStatus, onEvent);
        }

        var user = _plan.WireNumber(number);
        var requestUri = new SipUri("sip", user, _plan.Host, _plan.Port);
        if (destination.Transport == SipTransportKind.Tcp)
        {
            requestUri.Parameters.Set("transport", "tcp");
        }

        var to = new NameAddress(new SipUri("sip", user, _plan.Host));
        var from = new NameAddress(new SipUri("sip", _plan.CallerId, _plan.Host), _plan.FromName);
        _logger.LogInformation("Trunk {Trunk}: calling {Number}", _plan.Name, number);
        return _legs.Place(requestUri, to, from, destination, offerSdp, _plan.Credentials, onEvent);
    }

    /// <summary>A call that could not be placed: its failure arrives like any other, after Dial has returned.</summary>
    private sealed class FailedLeg : IAgentLeg
    {
        public static FailedLeg Report(int status, Action<AgentLegEvent> onEvent)
        {
            _ = Task.Run(() => onEvent(new AgentLegEvent.Failed(status)));
            return new FailedLeg();
        }

        public void Cancel()
        {
        }

        public void Hangup()
        {
        }
    }
}
