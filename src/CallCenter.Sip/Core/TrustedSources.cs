using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace CallCenter.Sip.Core;

/// <summary>
/// The networks of the providers (trunks) whose requests we take without a digest challenge, and whose
/// P-Asserted-Identity we believe: the trust domain of RFC 3325 §2.3, defined by source address. Immutable.
/// </summary>
public sealed class TrustedSources
{
    private readonly (string Name, IPNetwork Network)[] _networks;

    /// <summary>Trusts the given networks, each named by the trunk it belongs to.</summary>
    public TrustedSources(IEnumerable<(string Name, IPNetwork Network)> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        _networks = [.. networks];
    }

    /// <summary>Trusts nobody.</summary>
    public static TrustedSources None { get; } = new([]);

    /// <summary>How many networks are trusted.</summary>
    public int Count => _networks.Length;

    /// <summary>
    /// True when <paramref name="address"/> lies in a trusted network; <paramref name="trunk"/> is the first matching
    /// trunk's name. An IPv4 address seen through a dual-stack socket (::ffff:a.b.c.d) matches its IPv4 network.
    /// </summary>
    public bool TryMatch(IPAddress address, [NotNullWhen(true)] out string? trunk)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var (name, network) in _networks)
        {
            if (network.Contains(plain))
            {
                trunk = name;
                return true;
            }
        }

        trunk = null;
        return false;
    }
}
