using System.Net;
using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class TrunkTests
{
    [Fact]
    public void A_trunk_with_only_the_required_keys_gets_the_defaults()
    {
        TrunkConfig trunk = Assert.Single(Load.Valid(QueueYaml.Provider()).Trunks);

        Assert.Equal(
            ("provider", "sip.example.net", 5060, TrunkTransport.Udp, "+6328881234", "PH", (string?)null, (TrunkRegistration?)null),
            (trunk.Name, trunk.Host, trunk.Port, trunk.Transport, trunk.CallerId, trunk.DefaultRegion, trunk.Prefix, trunk.Register));
        Assert.Empty(trunk.Addresses);
        Assert.Equal("trunk provider (sip.example.net:5060/udp)", trunk.ToString());
    }

    [Fact]
    public void Every_setting_is_read()
    {
        TrunkConfig trunk = Load.Valid(QueueYaml.Provider(
            "    port: 5080",
            "    transport: tcp",
            "    addresses: [203.0.113.10, 198.51.100.0/24, \"2001:db8::/32\"]",
            "    prefix: \"0\"",
            "    register:",
            "      username: acme",
            "      secret: \"ha1:0123456789abcdef0123456789ABCDEF\"",
            "      realm: sip.example.net",
            "      expires: 30m")).Trunks[0];

        Assert.Equal((5080, TrunkTransport.Tcp, "0"), (trunk.Port, trunk.Transport, trunk.Prefix));
        Assert.Equal(
            [IPNetwork.Parse("203.0.113.10/32"), IPNetwork.Parse("198.51.100.0/24"), IPNetwork.Parse("2001:db8::/32")],
            trunk.Addresses);
        TrunkRegistration register = Assert.IsType<TrunkRegistration>(trunk.Register);
        Assert.Equal(("acme", "sip.example.net", TimeSpan.FromMinutes(30)), (register.Username, register.Realm, register.Expires));
        Assert.Equal("0123456789abcdef0123456789abcdef", register.Secret.RevealHa1Hex());
    }

    [Fact]
    public void An_unquoted_caller_id_keeps_its_plus()
    {
        string yaml = Load.Lines("trunks:", "  provider: { host: 10.0.0.1, caller-id: +639171234567, default-region: PH }");

        Assert.Equal("+639171234567", Load.Valid(yaml).Trunks[0].CallerId);
    }

    [Fact]
    public void Registration_defaults_to_one_hour_without_realm()
    {
        TrunkRegistration register = Load.Valid(QueueYaml.Provider("    register: { username: acme, secret: pw }")).Trunks[0].Register!;

        Assert.Equal((TimeSpan.FromHours(1), (string?)null, "pw"), (register.Expires, register.Realm, register.Secret.RevealPassword()));
    }

    [Fact]
    public void Missing_required_keys_are_all_reported()
    {
        ConfigException failure = Load.Failure(Load.Lines("trunks:", "  provider:", "    port: 5060"));

        Assert.Equal(
            [
                "trunk \"provider\": missing required key \"host\"",
                "trunk \"provider\": missing required key \"caller-id\"",
                "trunk \"provider\": missing required key \"default-region\"",
            ],
            failure.Errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData("\"sip:provider.example\"")]
    [InlineData("\"sip.example.net:5060\"")]
    [InlineData("\"two words\"")]
    public void A_host_that_is_not_a_name_or_address_is_refused(string written)
    {
        ConfigError error = Load.SingleError(Load.Lines("trunks:", "  provider:", $"    host: {written}", "    caller-id: \"+6328881234\"", "    default-region: PH"));

        Assert.Equal((3, 11), (error.Line, error.Column));
        Assert.StartsWith("trunk \"provider\": host must be a host name or IP address, such as sip.example.net or 203.0.113.10, without a port or \"sip:\" (found ", error.Message);
    }

    [Fact]
    public void Port_out_of_range_is_refused()
    {
        Load.FailsWith(
            QueueYaml.Provider("    port: 70000"),
            line: 6, column: 11,
            "trunk \"provider\": port must be a whole number from 1 to 65535 (found 70000)");
    }

    [Fact]
    public void Misspelt_transport_gets_a_suggestion()
    {
        Load.FailsWith(
            QueueYaml.Provider("    transport: upd"),
            line: 6, column: 16,
            "trunk \"provider\": transport must be one of udp, tcp (found \"upd\") (did you mean \"udp\"?)");
    }

    [Fact]
    public void An_address_that_is_not_an_ip_is_refused()
    {
        Load.FailsWith(
            QueueYaml.Provider("    addresses: [sip.example.net]"),
            line: 6, column: 17,
            "trunk \"provider\": addresses item must be an IP address or a network in CIDR form, such as 203.0.113.10 or 203.0.113.0/24 (found \"sip.example.net\")");
    }

    [Fact]
    public void A_network_with_host_bits_explains_the_form()
    {
        Load.FailsWith(
            QueueYaml.Provider("    addresses: [203.0.113.5/24]"),
            line: 6, column: 17,
            "trunk \"provider\": addresses item must be an IP address or a network in CIDR form, such as 203.0.113.10 or 203.0.113.0/24 (found \"203.0.113.5/24\"); in a network the address must end where the prefix does, such as 203.0.113.0/24 rather than 203.0.113.5/24");
    }

    [Theory]
    [InlineData("\"6328881234\"")]
    [InlineData("\"+63 2 888 1234\"")]
    [InlineData("\"+0328881234\"")]
    [InlineData("\"+1234567890123456\"")]
    [InlineData("\"+\"")]
    public void Caller_id_that_is_not_e164_is_refused(string written)
    {
        ConfigError error = Load.SingleError(Load.Lines("trunks:", "  provider:", "    host: sip.example.net", $"    caller-id: {written}", "    default-region: PH"));

        Assert.Equal((4, 16), (error.Line, error.Column));
        Assert.StartsWith("trunk \"provider\": caller-id must be an E.164 number: '+', the country code and the number, digits only, at most 15 digits, such as \"+6328881234\" (found ", error.Message);
    }

    [Theory]
    [InlineData("ph")]
    [InlineData("PHL")]
    [InlineData("\"P1\"")]
    public void Region_that_is_not_two_capital_letters_is_refused(string written)
    {
        ConfigError error = Load.SingleError(Load.Lines("trunks:", "  provider:", "    host: sip.example.net", "    caller-id: \"+6328881234\"", $"    default-region: {written}"));

        Assert.Equal((5, 21), (error.Line, error.Column));
        Assert.StartsWith("trunk \"provider\": default-region must be an ISO 3166 two-letter country code in capitals, such as PH, MY, GB or US (found ", error.Message);
    }

    [Fact]
    public void Prefix_with_a_plus_is_refused()
    {
        Load.FailsWith(
            QueueYaml.Provider("    prefix: \"+1\""),
            line: 6, column: 13,
            "trunk \"provider\": prefix can only contain digits, '*' and '#' (put it in quotes, such as \"0\"; found \"+1\")");
    }

    [Fact]
    public void Registration_without_a_secret_is_refused()
    {
        Load.FailsWith(
            QueueYaml.Provider("    register: { username: acme }"),
            line: 6, column: 15,
            "trunk \"provider\": register missing required key \"secret\"");
    }

    [Fact]
    public void A_bad_registration_secret_is_reported_without_its_value()
    {
        Load.FailsWith(
            QueueYaml.Provider("    register: { username: acme, secret: \"ha1:abc\" }"),
            line: 6, column: 41,
            "trunk \"provider\": register secret starting with \"ha1:\" must have exactly 32 hex digits (0-9, a-f) after \"ha1:\" (found 3 characters)");
    }

    [Fact]
    public void Misspelt_trunk_key_gets_a_suggestion()
    {
        Load.FailsWith(
            QueueYaml.Provider("    adresses: [10.0.0.1]"),
            line: 6, column: 5,
            "trunk \"provider\": unknown key \"adresses\" (did you mean \"addresses\"?); allowed keys are: host, port, transport, addresses, register, caller-id, default-region, prefix");
    }
}
