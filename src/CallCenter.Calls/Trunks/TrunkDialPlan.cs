using CallCenter.Config;
using CallCenter.Sip.Core;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Calls.Trunks;

/// <summary>How calls go out through one trunk: where to, as whom, and how numbers are written.</summary>
/// <param name="Name">The trunk's name (logs).</param>
/// <param name="Host">The provider's host, the domain of the Request-URI and To.</param>
/// <param name="Port">The provider's port.</param>
/// <param name="Destination">The provider's resolved address and transport; null when its host could not be resolved.</param>
/// <param name="CallerId">Our E.164 number, the user of From.</param>
/// <param name="FromName">The display name of From (the callbacks' from-name).</param>
/// <param name="DefaultRegion">Region for numbers written without a country code.</param>
/// <param name="Prefix">Digits the provider wants before every number; null for none.</param>
/// <param name="Credentials">Answers the provider's 401/407 challenges; null for an address-authenticated trunk.</param>
public sealed record TrunkDialPlan(
    string Name,
    string Host,
    int Port,
    SipRemote? Destination,
    string CallerId,
    string FromName,
    string DefaultRegion,
    string? Prefix,
    UacCredentials? Credentials)
{
    /// <summary>The plan of <paramref name="trunk"/>, calling from <paramref name="fromName"/>, reaching it at <paramref name="destination"/>.</summary>
    public static TrunkDialPlan From(TrunkConfig trunk, string fromName, SipRemote? destination)
    {
        ArgumentNullException.ThrowIfNull(trunk);
        return new TrunkDialPlan(
            trunk.Name,
            trunk.Host,
            trunk.Port,
            destination,
            trunk.CallerId,
            fromName,
            trunk.DefaultRegion,
            string.IsNullOrEmpty(trunk.Prefix) ? null : trunk.Prefix,
            TrunkCredentials.Of(trunk));
    }

    /// <summary>The transport of a trunk in SIP stack terms.</summary>
    public static SipTransportKind TransportOf(TrunkConfig trunk) =>
        trunk.Transport == TrunkTransport.Tcp ? SipTransportKind.Tcp : SipTransportKind.Udp;

    /// <summary>
    /// The number as the provider is sent it: E.164 with its '+', or, when the trunk has a prefix, the prefix in place
    /// of the '+' (a provider that wants "00" or "9" before numbers takes the digits without '+').
    /// </summary>
    public string WireNumber(string e164) => Prefix is null ? e164 : Prefix + e164.TrimStart('+');
}
