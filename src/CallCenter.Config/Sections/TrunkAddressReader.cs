using System.Net;
using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>Reads a trunk's <c>addresses:</c>, the sources trusted without a digest challenge.</summary>
internal static class TrunkAddressReader
{
    private const string Shape = "an IP address or a network in CIDR form, such as 203.0.113.10 or 203.0.113.0/24";

    public static IReadOnlyList<IPNetwork> Read(Fields fields)
    {
        if (fields.Get("addresses") is not { } value)
        {
            return [];
        }

        SequenceNode? list = Expect.SequenceOrEmpty(value, $"{fields.Context}addresses", $"a list, each item {Shape}", fields.Errors);
        if (list is null)
        {
            fields.MarkFailed();
            return [];
        }

        var networks = new List<IPNetwork>(list.Items.Count);
        foreach (Node item in list.Items)
        {
            if (item is ScalarNode scalar && TryParse(scalar.Value, out IPNetwork network))
            {
                networks.Add(network);
                continue;
            }

            string hostBits = item is ScalarNode written && written.Value.Contains('/', StringComparison.Ordinal)
                ? "; in a network the address must end where the prefix does, such as 203.0.113.0/24 rather than 203.0.113.5/24"
                : string.Empty;
            fields.Report(item, $"addresses item must be {Shape} (found {Describe.Found(item)}){hostBits}");
        }

        return networks;
    }

    private static bool TryParse(string text, out IPNetwork network)
    {
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            // Refuse 203.0.113.5/24 instead of silently widening it to 203.0.113.0/24: the
            // operator may have meant the single host, and trusting a whole network is not a guess to make.
            return IPNetwork.TryParse(text, out network)
                && IPAddress.TryParse(text.AsSpan(0, slash), out IPAddress? written)
                && written.Equals(network.BaseAddress);
        }

        // A single address is a network of just that address (/32 or /128).
        if (IPAddress.TryParse(text, out IPAddress? address) && !text.Contains('%', StringComparison.Ordinal))
        {
            network = new IPNetwork(address, address.GetAddressBytes().Length * 8);
            return true;
        }

        network = default;
        return false;
    }
}
