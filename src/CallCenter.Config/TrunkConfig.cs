using System.Net;

namespace CallCenter.Config;

/// <summary>A SIP trunk to a telephone provider, for calls to and from the public network.</summary>
/// <param name="Name">Trunk name, lowercase letters, digits and '-'.</param>
/// <param name="Host">Provider host name or IP address.</param>
/// <param name="Port">Provider SIP port (5060 when not set).</param>
/// <param name="Transport">UDP or TCP.</param>
/// <param name="Addresses">Source addresses whose requests are accepted without a digest challenge.</param>
/// <param name="Register">Registration with the provider; null when the provider needs none.</param>
/// <param name="CallerId">E.164 number presented on outbound calls.</param>
/// <param name="DefaultRegion">ISO 3166-1 alpha-2 region for numbers written without a country code.</param>
/// <param name="Prefix">Digits put before every number sent to the provider; null for none.</param>
public sealed record TrunkConfig(
    string Name,
    string Host,
    int Port,
    TrunkTransport Transport,
    IReadOnlyList<IPNetwork> Addresses,
    TrunkRegistration? Register,
    string CallerId,
    string DefaultRegion,
    string? Prefix)
{
    /// <summary>The SIP port used when the file sets none (RFC 3261 §19.1.2).</summary>
    public const int DefaultPort = 5060;

    /// <summary>Identifies the trunk for logs; the secret is not included.</summary>
    public override string ToString() => $"trunk {Name} ({Host}:{Port}/{Transport.ToString().ToLowerInvariant()})";
}
