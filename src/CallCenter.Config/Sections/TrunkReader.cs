using System.Buffers;
using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>Reads and validates one trunk of the <c>trunks:</c> mapping.</summary>
internal static class TrunkReader
{
    private static readonly KeySet Keys = new("key", ["host", "port", "transport", "addresses", "register", "caller-id", "default-region", "prefix"]);
    private static readonly string[] Transports = ["udp", "tcp"];
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>Longest E.164 number: 15 digits after the '+' (ITU-T E.164 §6.1).</summary>
    private const int MaxE164Digits = 15;

    public static TrunkConfig? Read(string name, Node value, ErrorCollector errors)
    {
        string context = $"trunk \"{name}\": ";
        const string Shape = "a mapping of settings such as { host: sip.example.net, caller-id: \"+6328881234\", default-region: PH }";
        if (Expect.Mapping(value, context.TrimEnd(), Shape, errors) is not { } map)
        {
            return null;
        }

        var fields = new Fields(map, Keys, context, errors);
        string? host = ReadHost(fields);
        int port = fields.Integer("port", 1, 65535, TrunkConfig.DefaultPort);
        int transport = fields.Choice("transport", Transports, 0);
        IReadOnlyList<System.Net.IPNetwork> addresses = TrunkAddressReader.Read(fields);
        TrunkRegistration? register = TrunkRegistrationReader.Read(fields);
        string? callerId = ReadCallerId(fields);
        string? region = ReadRegion(fields);
        string? prefix = ReadPrefix(fields);

        return fields.Failed || host is null || callerId is null || region is null
            ? null
            : new TrunkConfig(name, host, port, (TrunkTransport)transport, addresses, register, callerId, region, prefix);
    }

    private static string? ReadHost(Fields fields)
    {
        ScalarNode? host = fields.Text("host", "the provider's host name or IP address, such as sip.example.net", required: true);
        if (host is null)
        {
            return null;
        }

        if (Uri.CheckHostName(host.Value) is UriHostNameType.Unknown or UriHostNameType.Basic)
        {
            fields.Report(host, $"host must be a host name or IP address, such as sip.example.net or 203.0.113.10, without a port or \"sip:\" (found {Describe.Found(host)})");
            return null;
        }

        return host.Value;
    }

    private static string? ReadCallerId(Fields fields)
    {
        // Unquoted +639171234567 is a YAML integer; its text as written is what matters.
        ScalarNode? callerId = fields.Text("caller-id", "an E.164 number such as \"+6328881234\"", required: true);
        if (callerId is null)
        {
            return null;
        }

        string text = callerId.Value;
        ReadOnlySpan<char> digits = text.AsSpan(Math.Min(1, text.Length));
        bool valid = text.StartsWith('+') && digits.Length is >= 2 and <= MaxE164Digits && !digits.ContainsAnyExcept(Digits) && digits[0] != '0';
        if (!valid)
        {
            fields.Report(callerId, $"caller-id must be an E.164 number: '+', the country code and the number, digits only, at most {MaxE164Digits} digits, such as \"+6328881234\" (found {Describe.Found(callerId)})");
            return null;
        }

        return text;
    }

    private static string? ReadRegion(Fields fields)
    {
        ScalarNode? region = fields.Text("default-region", "an ISO 3166 two-letter country code such as PH", required: true);
        if (region is null)
        {
            return null;
        }

        if (region.Value.Length != 2 || !char.IsAsciiLetterUpper(region.Value[0]) || !char.IsAsciiLetterUpper(region.Value[1]))
        {
            fields.Report(region, $"default-region must be an ISO 3166 two-letter country code in capitals, such as PH, MY, GB or US (found {Describe.Found(region)})");
            return null;
        }

        return region.Value;
    }

    private static string? ReadPrefix(Fields fields)
    {
        ScalarNode? prefix = fields.Text("prefix", "digits dialled before every number, such as \"0\"", required: false);
        if (prefix is null)
        {
            return null;
        }

        if (prefix.Value.StartsWith('+') || !Tokens.IsDialable(prefix.Value))
        {
            fields.Report(prefix, $"prefix can only contain digits, '*' and '#' (put it in quotes, such as \"0\"; found {Describe.Found(prefix)})");
            return null;
        }

        return prefix.Value;
    }
}
